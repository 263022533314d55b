package io.policygateway.plugins.mcp;

import static io.policygateway.plugins.mcp.TestConfigs.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import io.policygateway.kernel.auth.KeyHashes;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole loop through a real gateway: the official OpenAI SDK calls {@code /v1/chat/completions},
 * the gateway adds the tools of two MCP servers (server-everything over stdio, an HTTP one), runs the
 * calls the in-test model makes and returns only the final answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolLoopEndToEndTest {
    private static final String OPEN_KEY = "pg-open-key-for-tests";
    private static final String SUPPORT_KEY = "pg-support-key-for-tests";

    private FakeUpstream model;
    private StreamableHttpMcpServer docs;
    private TestGateway gateway;

    @BeforeAll
    void start() throws Exception {
        String node = EverythingServer.node();
        model = FakeUpstream.start().otherwise(ScriptedModel::answer);
        docs = StreamableHttpMcpServer.start();
        gateway = TestGateway.builder()
                .env("OPENAI_API_KEY", "sk-provider-key-for-tests")
                .env("OPENAI_BASE_URL", model.baseUrl() + "/v1")
                .env("DOCS_TOKEN", "test-token")
                .config("""
                        auth:
                          keys:
                            - name: open
                              sha256: %s
                            - name: support
                              sha256: %s
                              project: support-bot
                        projects:
                          - id: support-bot
                        mcp_servers:
                          - name: everything
                            transport: stdio
                            command: %s
                            args: ["%s", "stdio"]
                            timeouts: { connect: 60s }
                          - name: docs
                            transport: http
                            url: %s
                            headers: { Authorization: "Bearer ${DOCS_TOKEN}" }
                        mcp:
                          startup_wait: 60s
                          max_iterations: 4
                          projects:
                            support-bot: { allow: ["everything__echo", "docs__lookup"] }
                        """.formatted(KeyHashes.sha256Hex(OPEN_KEY), KeyHashes.sha256Hex(SUPPORT_KEY), node,
                        EverythingServer.script(), docs.url()))
                .start();
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (docs != null) {
            docs.close();
        }
        if (model != null) {
            model.close();
        }
    }

    private OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl() + "/v1").apiKey(key).maxRetries(0).build();
    }

    private static ChatCompletionCreateParams ask(String script) {
        return ChatCompletionCreateParams.builder().model(ScriptedModel.MODEL).addUserMessage(script).build();
    }

    /** The requests the model received for one script, in order. */
    private List<JsonNode> modelRequests(String script) {
        List<JsonNode> requests = new ArrayList<>();
        for (FakeUpstream.Recorded recorded : model.received()) {
            JsonNode body = ScriptedModel.read(recorded.body());
            if (body.path("messages").path(0).path("content").asText().equals(script)) {
                requests.add(body);
            }
        }
        return requests;
    }

    private static List<String> toolNames(JsonNode request) {
        List<String> names = new ArrayList<>();
        request.path("tools").forEach(tool -> names.add(tool.path("function").path("name").asText()));
        return names;
    }

    @Test
    void aPlainSdkCallGetsAnAnswerThatUsedAnMcpTool() {
        HttpResponseFor<ChatCompletion> response = client(OPEN_KEY).chat().completions().withRawResponse()
                .create(ask("one call, please"));
        ChatCompletion completion = response.parse();

        assertEquals("Final answer from: Echo: hello from the model", completion.choices().getFirst().message().content().orElseThrow());
        assertTrue(completion.choices().getFirst().message().toolCalls().orElse(List.of()).isEmpty());
        assertEquals(List.of("everything__echo=ok"), response.headers().values("x-gateway-tool-calls"));
        assertEquals(List.of("2"), response.headers().values("x-gateway-tool-turns"));
        assertEquals(2L * ScriptedModel.PROMPT_TOKENS, completion.usage().orElseThrow().promptTokens());
        assertEquals(2L * ScriptedModel.COMPLETION_TOKENS, completion.usage().orElseThrow().completionTokens());

        List<JsonNode> turns = modelRequests("one call, please");
        assertEquals(2, turns.size());
        assertTrue(toolNames(turns.getFirst()).containsAll(List.of("everything__echo", "docs__lookup")), toolNames(turns.getFirst()).toString());
        JsonNode toolMessage = turns.get(1).path("messages").get(2);
        assertEquals("tool", toolMessage.path("role").asText());
        assertEquals("call_echo", toolMessage.path("tool_call_id").asText());
        assertEquals("everything__echo", turns.get(1).path("messages").get(1).path("tool_calls").path(0).path("function").path("name").asText());
    }

    @Test
    void parallelToolCallsAllRunAndEveryResultReachesTheModel() {
        HttpResponseFor<ChatCompletion> response = client(OPEN_KEY).chat().completions().withRawResponse().create(ask("parallel calls"));

        assertEquals("Final answer from: The sum of 2 and 3 is 5. | result for refunds",
                response.parse().choices().getFirst().message().content().orElseThrow());
        assertEquals(List.of("everything__get-sum=ok, docs__lookup=ok"), response.headers().values("x-gateway-tool-calls"));
        JsonNode second = modelRequests("parallel calls").get(1);
        assertEquals("call_sum", second.path("messages").get(2).path("tool_call_id").asText());
        assertEquals("call_lookup", second.path("messages").get(3).path("tool_call_id").asText());
    }

    @Test
    void aFailingToolBecomesAResultTheModelReadsNotAnError() {
        HttpResponseFor<ChatCompletion> response = client(OPEN_KEY).chat().completions().withRawResponse().create(ask("failing tool"));

        assertEquals(200, response.statusCode());
        assertEquals("Final answer from: the backend rejected the request",
                response.parse().choices().getFirst().message().content().orElseThrow());
        assertEquals(List.of("docs__fail=error"), response.headers().values("x-gateway-tool-calls"));
    }

    @Test
    void theFinalTurnIsStreamedToTheClient() {
        ChatCompletionCreateParams params = ask("one call, streamed").toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        StringBuilder text = new StringBuilder();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        HttpResponseFor<StreamResponse<ChatCompletionChunk>> response = client(OPEN_KEY).chat().completions().withRawResponse()
                .createStreaming(params);
        try (StreamResponse<ChatCompletionChunk> stream = response.parse()) {
            stream.stream().forEach(chunk -> {
                chunks.add(chunk);
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
            });
        }

        assertEquals("Final answer from: Echo: hello from the model", text.toString());
        assertTrue(chunks.size() > 5, "expected the answer in several chunks, got " + chunks.size());
        assertTrue(chunks.stream().allMatch(chunk -> chunk.choices().stream()
                .allMatch(choice -> choice.delta().toolCalls().orElse(List.of()).isEmpty())), "tool calls must not reach the client");
        assertEquals(1, chunks.stream().filter(chunk -> chunk.choices().stream().anyMatch(choice -> choice.finishReason().isPresent())).count());
        ChatCompletionChunk last = chunks.getLast();
        assertEquals(2L * (ScriptedModel.PROMPT_TOKENS + ScriptedModel.COMPLETION_TOKENS), last.usage().orElseThrow().totalTokens());
        assertEquals(List.of("everything__echo=ok"), response.headers().values("x-gateway-tool-calls"));
        assertTrue(modelRequests("one call, streamed").stream().allMatch(request -> request.path("stream").asBoolean()));
    }

    @Test
    void aToolTheProjectMayNotUseIsRefusedAndTheModelIsToldSo() throws Exception {
        HttpResponseFor<ChatCompletion> response = client(SUPPORT_KEY).chat().completions().withRawResponse()
                .create(ask("failing tool, from support"));

        assertEquals("Final answer from: error: the tool 'docs__fail' is not allowed for this caller by the gateway's policy",
                response.parse().choices().getFirst().message().content().orElseThrow());
        assertEquals(List.of("docs__fail=error"), response.headers().values("x-gateway-tool-calls"));
        assertEquals(List.of("docs__lookup", "everything__echo"),
                toolNames(modelRequests("failing tool, from support").getFirst()).stream().sorted().toList());
        eventually(Duration.ofSeconds(5), "the refusal is in the policy event log", () -> policyEvents().stream().anyMatch(line ->
                line.contains("decision=block reason_code=MCP_TOOL_NOT_ALLOWED") && line.contains("policy_project_id=support-bot")
                        && line.contains("rules=mcp.projects.support-bot") && line.contains("tool=docs__fail")));
    }

    @Test
    void callsOfTheCallersOwnToolsGoBackToTheCaller() {
        ChatCompletionCreateParams params = ask("your tool").toBuilder()
                .addFunctionTool(FunctionDefinition.builder().name("get_weather").description("Weather in a city")
                        .parameters(FunctionParameters.builder().putAdditionalProperty("type", JsonValue.from("object")).build())
                        .build())
                .build();

        ChatCompletion completion = client(OPEN_KEY).chat().completions().create(params);

        List<ChatCompletionMessageToolCall> calls = completion.choices().getFirst().message().toolCalls().orElseThrow();
        assertEquals(1, calls.size());
        assertEquals("get_weather", calls.getFirst().asFunction().function().name());
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, completion.choices().getFirst().finishReason());
        List<JsonNode> turns = modelRequests("your tool");
        assertEquals(1, turns.size());
        assertTrue(toolNames(turns.getFirst()).containsAll(List.of("get_weather", "everything__echo")));
    }

    @Test
    void everyToolCallIsRecordedAsAPolicyEvent() {
        client(OPEN_KEY).chat().completions().create(ask("one call, for the log"));

        eventually(Duration.ofSeconds(5), "the call is in the policy event log", () -> policyEvents().stream().anyMatch(line ->
                line.contains("event=tool_call") && line.contains("tool=everything__echo") && line.contains("server=everything")
                        && line.contains("outcome=ok") && line.contains("duration_ms=")));
    }

    @Test
    void onThePolicySurfaceTheFinalAnswerCarriesThePolicyMetadata() {
        OpenAIClient policyClient = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl() + "/policy").apiKey(SUPPORT_KEY)
                .maxRetries(0).build();

        HttpResponseFor<ChatCompletion> response = policyClient.chat().completions().withRawResponse().create(ask("one call, on policy"));
        ChatCompletion completion = response.parse();

        assertEquals("Final answer from: Echo: hello from the model", completion.choices().getFirst().message().content().orElseThrow());
        assertEquals(List.of("everything__echo=ok"), response.headers().values("x-gateway-tool-calls"));
        JsonValue policy = completion._additionalProperties().get("policy");
        assertTrue(policy != null && policy.asObject().isPresent(), "expected a policy object, got " + policy);
    }

    @Test
    void aModelThatNeverStopsCallingToolsEndsAtTheLimitWithAClearError() {
        OpenAIServiceException error = assertThrows(OpenAIServiceException.class,
                () -> client(OPEN_KEY).chat().completions().create(ask("call tools forever")));

        assertEquals(502, error.statusCode());
        assertEquals("tool_loop_limit", error.code().orElseThrow());
        assertTrue(error.getMessage().contains("mcp.max_iterations"), error.getMessage());
        assertEquals(4, modelRequests("call tools forever").size(), "one request per allowed turn (max_iterations: 4)");
    }

    @Test
    void aStreamedRequestReachingTheLimitBeforeAnyTextGetsTheSameError() {
        OpenAIServiceException error = assertThrows(OpenAIServiceException.class,
                () -> client(OPEN_KEY).chat().completions().createStreaming(ask("call tools forever, streamed")).stream().count());

        assertEquals(502, error.statusCode());
        assertEquals("tool_loop_limit", error.code().orElseThrow());
    }

    @Test
    void healthReportsEveryMcpServer() {
        JsonNode health = ScriptedModel.read(gateway.get("/health").body());

        assertEquals("up", health.path("tools").path("mcp").path("everything").asText());
        assertEquals("up", health.path("tools").path("mcp").path("docs").asText());
    }

    private List<String> policyEvents() {
        Path log = gateway.home().resolve("logs").resolve("policy-events.log");
        try {
            return Files.isRegularFile(log) ? Files.readAllLines(log) : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
