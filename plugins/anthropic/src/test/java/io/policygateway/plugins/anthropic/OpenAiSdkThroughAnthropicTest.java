package io.policygateway.plugins.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.TestGateway;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK, pointed at the gateway by its base URL only, served by Anthropic:
 * chat completions and responses are translated to Messages and back, streams and tool calls included.
 */
class OpenAiSdkThroughAnthropicTest {
    private static FakeUpstream anthropic;
    private static TestGateway gateway;
    private static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        anthropic = FakeUpstream.start();
        gateway = TestGateway.builder().env("ANTHROPIC_API_KEY", Harness.API_KEY).env("ANTHROPIC_BASE_URL", anthropic.baseUrl()).start();
        client = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl() + "/v1").apiKey("gateway-key").maxRetries(0).build();
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        anthropic.close();
    }

    private static ChatCompletionCreateParams.Builder chat() {
        return ChatCompletionCreateParams.builder().model("claude-sonnet-4-5").addSystemMessage("Be brief.").addUserMessage("Say hello");
    }

    @Test
    void createsAChatCompletion() throws Exception {
        anthropic.enqueue(Reply.status(200, Harness.fixture("message-text.json")));
        ChatCompletion completion = client.chat().completions().create(chat().build());

        assertEquals("Hi! My name is Claude.", completion.choices().get(0).message().content().orElseThrow());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, completion.choices().get(0).finishReason());
        assertEquals(2095, completion.usage().orElseThrow().promptTokens());
        assertEquals(503, completion.usage().orElseThrow().completionTokens());

        FakeUpstream.Recorded sent = anthropic.lastRequest();
        assertEquals("/v1/messages", sent.path());
        assertEquals(Harness.API_KEY, sent.header("x-api-key"), "the provider key goes upstream, not the caller's");
        assertEquals("2023-06-01", sent.header("anthropic-version"));
        JsonNode body = TestContext.JSON.readTree(sent.body());
        assertEquals("Be brief.", body.path("system").asText());
        assertEquals(4096, body.path("max_tokens").asInt());
    }

    @Test
    void streamsAChatCompletion() {
        anthropic.enqueue(Reply.sse(Harness.eventParts("messages-stream-tool-use.sse"), 0));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat().build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        ChatCompletion completion = accumulator.chatCompletion();
        assertEquals("Okay, let's check the weather for San Francisco, CA:", completion.choices().get(0).message().content().orElseThrow());
        ChatCompletionMessageFunctionToolCall call = completion.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();
        assertEquals("get_weather", call.function().name());
        assertEquals("{\"location\": \"San Francisco, CA\", \"unit\": \"fahrenheit\"}", call.function().arguments());
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, completion.choices().get(0).finishReason());
    }

    @Test
    void callsAToolDefinedInOpenAiFormat() throws Exception {
        anthropic.enqueue(Reply.status(200, Harness.fixture("message-tool-use.json")));
        ChatCompletionFunctionTool weather = ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name("get_weather")
                .description("Weather for a city").parameters(FunctionParameters.builder().putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("location", Map.of("type", "string")))).build()).build()).build();
        ChatCompletion completion = client.chat().completions().create(chat().addTool(weather).build());

        ChatCompletionMessageFunctionToolCall call = completion.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();
        assertEquals("toolu_01A09q90qw90lq917835lq9", call.id());
        assertEquals("{\"location\":\"San Francisco, CA\",\"unit\":\"celsius\"}", call.function().arguments());
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, completion.choices().get(0).finishReason());
        JsonNode tool = TestContext.JSON.readTree(anthropic.lastRequest().body()).path("tools").get(0);
        assertEquals("get_weather", tool.path("name").asText());
        assertEquals("object", tool.path("input_schema").path("type").asText());
    }

    @Test
    void createsAResponse() throws Exception {
        anthropic.enqueue(Reply.status(200, Harness.fixture("message-text.json")));
        Response response = client.responses().create(ResponseCreateParams.builder().model("claude-sonnet-4-5")
                .instructions("Be brief.").input("Say hello").build());

        assertEquals("Hi! My name is Claude.", response.output().get(0).message().orElseThrow().content().get(0).asOutputText().text());
        assertEquals(503, response.usage().orElseThrow().outputTokens());
        JsonNode sent = TestContext.JSON.readTree(anthropic.lastRequest().body());
        assertEquals("Be brief.", sent.path("system").asText());
        assertEquals("Say hello", sent.path("messages").get(0).path("content").get(0).path("text").asText());
    }

    @Test
    void streamsAResponseWithAFunctionCall() {
        anthropic.enqueue(Reply.sse(Harness.eventParts("messages-stream-tool-use.sse"), 0));
        StringBuilder text = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        Response[] completed = new Response[1];
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(ResponseCreateParams.builder()
                .model("claude-sonnet-4-5").input("Weather in San Francisco?").build())) {
            stream.stream().forEach(event -> {
                event.outputTextDelta().ifPresent(delta -> text.append(delta.delta()));
                event.functionCallArgumentsDelta().ifPresent(delta -> arguments.append(delta.delta()));
                event.completed().ifPresent(done -> completed[0] = done.response());
            });
        }
        assertEquals("Okay, let's check the weather for San Francisco, CA:", text.toString());
        assertEquals("{\"location\": \"San Francisco, CA\", \"unit\": \"fahrenheit\"}", arguments.toString());
        assertEquals("get_weather", completed[0].output().get(1).functionCall().orElseThrow().name());
        assertEquals(89, completed[0].usage().orElseThrow().outputTokens());
        assertEquals(600, completed[0].usage().orElseThrow().inputTokens());
    }

    @Test
    void passesAnthropicRateLimitsOnWithRetryAfter() {
        anthropic.enqueue(Reply.json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of requests has exceeded your rate limit\"}}",
                Map.of("retry-after", "20")));
        RateLimitException error = assertThrows(RateLimitException.class, () -> client.chat().completions().create(chat().build()));
        assertEquals("20", error.headers().values("retry-after").get(0));
        assertTrue(error.getMessage().contains("HTTP 429"), error.getMessage());
    }
}
