package io.policygateway.plugins.openaicompatible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official Anthropic Java SDK, pointed at the gateway by its base URL only, served by an
 * OpenAI-format host: /v1/messages is translated to chat and back, streams and tool use included.
 */
class AnthropicSdkThroughOpenAiFormatHostTest {
    private static FakeUpstream upstream;
    private static TestGateway gateway;
    private static AnthropicClient client;

    @BeforeAll
    static void start() throws Exception {
        upstream = FakeUpstream.start();
        gateway = TestGateway.builder().config("""
                providers:
                  vllm:
                    type: openai-compatible
                    base_url: %s/v1
                    api_key_env: VLLM_API_KEY
                    models: [llama3.1]
                """.formatted(upstream.baseUrl())).env("VLLM_API_KEY", "token-provider-side").start();
        client = AnthropicOkHttpClient.builder().baseUrl(gateway.baseUrl()).apiKey("gateway-key").maxRetries(0).build();
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        upstream.close();
    }

    private static MessageCreateParams.Builder question() {
        return MessageCreateParams.builder().model("llama3.1").maxTokens(256).system("Be brief.").addUserMessage("Say hello");
    }

    @Test
    void createsAMessage() throws Exception {
        upstream.enqueue(Reply.status(200, OpenAiWire.completion("llama3.1", "Hello there", 12, 3)));
        Message message = client.messages().create(question().build());

        assertEquals("Hello there", message.content().get(0).text().orElseThrow().text());
        assertEquals(StopReason.END_TURN, message.stopReason().orElseThrow());
        assertEquals(12, message.usage().inputTokens());
        assertEquals(3, message.usage().outputTokens());

        FakeUpstream.Recorded sent = upstream.lastRequest();
        assertEquals("/v1/chat/completions", sent.path());
        assertEquals("Bearer token-provider-side", sent.header("authorization"), "the provider key goes upstream, not the caller's");
        assertFalse(sent.headers().containsKey("x-api-key"));
        JsonNode body = TestContext.JSON.readTree(sent.body());
        assertEquals("system", body.path("messages").get(0).path("role").asText());
        assertEquals("Be brief.", body.path("messages").get(0).path("content").asText());
        assertEquals(256, body.path("max_tokens").asInt());
    }

    @Test
    void streamsAMessage() {
        upstream.enqueue(Reply.sse(OpenAiWire.streamFrames("llama3.1", List.of("Hel", "lo", " there"), true, 12, 3), 0));
        MessageAccumulator accumulator = MessageAccumulator.create();
        StringBuilder deltas = new StringBuilder();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(question().build())) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                event.contentBlockDelta().flatMap(delta -> delta.delta().text()).ifPresent(text -> deltas.append(text.text()));
            });
        }
        Message message = accumulator.message();
        assertEquals("Hello there", deltas.toString());
        assertEquals("Hello there", message.content().get(0).text().orElseThrow().text());
        assertEquals(StopReason.END_TURN, message.stopReason().orElseThrow());
        assertEquals(3, message.usage().outputTokens());
    }

    @Test
    void usesAToolWithArgumentsStreamedInFragments() throws Exception {
        String head = "data: {\"id\":\"chatcmpl-t1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"llama3.1\",\"choices\":[{\"index\":0,\"delta\":";
        upstream.enqueue(Reply.sse(List.of(
                head + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_w1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n",
                head + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]},\"finish_reason\":null}]}\n\n",
                head + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]},\"finish_reason\":null}]}\n\n",
                head + "{},\"finish_reason\":\"tool_calls\"}]}\n\n",
                "data: {\"id\":\"chatcmpl-t1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"llama3.1\",\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":9,\"total_tokens\":39}}\n\n",
                "data: [DONE]\n\n"), 0));
        Tool weather = Tool.builder().name("get_weather").description("Weather for a city")
                .inputSchema(Tool.InputSchema.builder().properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .required(List.of("city")).build()).build();
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(MessageCreateParams.builder()
                .model("llama3.1").maxTokens(256).addUserMessage("Weather in Paris?").addTool(weather).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();
        assertEquals(StopReason.TOOL_USE, message.stopReason().orElseThrow());
        ToolUseBlock toolUse = message.content().stream().filter(ContentBlock::isToolUse).findFirst().orElseThrow().toolUse().orElseThrow();
        assertEquals("call_w1", toolUse.id());
        assertEquals("get_weather", toolUse.name());
        assertEquals(JsonValue.from(Map.of("city", "Paris")), toolUse._input());

        JsonNode sent = TestContext.JSON.readTree(upstream.lastRequest().body());
        assertEquals("get_weather", sent.path("tools").get(0).path("function").path("name").asText());
        assertTrue(sent.path("stream_options").path("include_usage").asBoolean());
    }

    @Test
    void sendsAToolResultBackAsAToolMessage() throws Exception {
        upstream.enqueue(Reply.status(200, OpenAiWire.completion("llama3.1", "It is 15 degrees.", 40, 6)));
        Message answer = client.messages().create(MessageCreateParams.builder().model("llama3.1").maxTokens(100)
                .addUserMessage("Weather in Paris?")
                .addMessage(MessageParam.ofAssistantOfContentBlockParams(List.of(ContentBlockParam.ofToolUse(
                        ToolUseBlockParam.builder().id("call_w1").name("get_weather").input(JsonValue.from(Map.of("city", "Paris"))).build()))))
                .addMessage(MessageParam.ofUserOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
                        ToolResultBlockParam.builder().toolUseId("call_w1").content("15C").build()))))
                .build());
        assertEquals("It is 15 degrees.", answer.content().get(0).text().orElseThrow().text());
        JsonNode messages = TestContext.JSON.readTree(upstream.lastRequest().body()).path("messages");
        assertEquals("call_w1", messages.get(1).path("tool_calls").get(0).path("id").asText());
        assertEquals("{\"city\":\"Paris\"}", messages.get(1).path("tool_calls").get(0).path("function").path("arguments").asText());
        assertEquals("tool", messages.get(2).path("role").asText());
        assertEquals("15C", messages.get(2).path("content").asText());
    }

    @Test
    void reportsAnUpstreamRejectionAsAnAnthropicError() {
        upstream.enqueue(Reply.status(400, "{\"error\":{\"message\":\"max_tokens is too large for this model\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}}"));
        BadRequestException error = assertThrows(BadRequestException.class, () -> client.messages().create(question().build()));
        assertEquals(400, error.statusCode());
        assertTrue(error.getMessage().contains("max_tokens is too large for this model"), error.getMessage());
    }
}
