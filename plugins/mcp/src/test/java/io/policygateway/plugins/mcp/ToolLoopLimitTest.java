package io.policygateway.plugins.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.TestGateway;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A model that never stops calling tools: the loop ends at {@code mcp.max_iterations}, with an error or the last answer. */
class ToolLoopLimitTest {
    private static final ChatCompletionCreateParams FOREVER = ChatCompletionCreateParams.builder().model(ScriptedModel.MODEL)
            .addUserMessage("call tools forever").build();

    private FakeUpstream model;
    private StreamableHttpMcpServer docs;

    @BeforeEach
    void start() throws Exception {
        model = FakeUpstream.start().otherwise(ScriptedModel::answer);
        docs = StreamableHttpMcpServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        docs.close();
        model.close();
    }

    private TestGateway gateway(String onMaxIterations) throws Exception {
        return TestGateway.builder()
                .env("OPENAI_API_KEY", "sk-provider-key-for-tests")
                .env("OPENAI_BASE_URL", model.baseUrl() + "/v1")
                .config("""
                        mcp_servers:
                          - name: docs
                            url: %s
                            headers: { Authorization: "%s" }
                        mcp:
                          max_iterations: 3
                          on_max_iterations: %s
                        """.formatted(docs.url(), StreamableHttpMcpServer.TOKEN, onMaxIterations))
                .start();
    }

    private static OpenAIClient client(TestGateway gateway) {
        return OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl() + "/v1").apiKey("any").maxRetries(0).build();
    }

    @Test
    void reachingTheLimitIsAClearErrorByDefault() throws Exception {
        try (TestGateway gateway = gateway("error")) {
            OpenAIServiceException error = assertThrows(OpenAIServiceException.class,
                    () -> client(gateway).chat().completions().create(FOREVER));

            assertEquals(502, error.statusCode());
            assertEquals("tool_loop_limit", error.code().orElseThrow());
            assertTrue(error.getMessage().contains("mcp.max_iterations"), error.getMessage());
            assertEquals(3, model.received().size(), "one request per allowed turn");
        }
    }

    @Test
    void reachingTheLimitOfAStreamedRequestIsTheSameError() throws Exception {
        try (TestGateway gateway = gateway("error")) {
            OpenAIServiceException error = assertThrows(OpenAIServiceException.class,
                    () -> client(gateway).chat().completions().createStreaming(FOREVER).stream().count());

            assertEquals(502, error.statusCode());
            assertEquals("tool_loop_limit", error.code().orElseThrow());
        }
    }

    @Test
    void reachingTheLimitReturnsTheLastAnswerWhenConfigured() throws Exception {
        try (TestGateway gateway = gateway("last_answer")) {
            HttpResponseFor<ChatCompletion> response = client(gateway).chat().completions().withRawResponse().create(FOREVER);
            ChatCompletion completion = response.parse();

            assertEquals(200, response.statusCode());
            assertEquals(ChatCompletion.Choice.FinishReason.STOP, completion.choices().getFirst().finishReason());
            assertTrue(completion.choices().getFirst().message().toolCalls().orElse(List.of()).isEmpty());
            assertEquals(List.of("true"), response.headers().values("x-gateway-tool-limit-reached"));
            assertEquals(List.of("docs__lookup=ok, docs__lookup=ok"), response.headers().values("x-gateway-tool-calls"));
            assertEquals(3L * ScriptedModel.PROMPT_TOKENS, completion.usage().orElseThrow().promptTokens());
        }
    }
}
