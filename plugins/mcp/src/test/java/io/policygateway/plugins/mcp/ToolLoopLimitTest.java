package io.policygateway.plugins.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.TestGateway;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code mcp.on_max_iterations: last_answer}: a model that never stops calling tools gets its last
 * answer returned at the limit instead of an error (the error default is covered end to end in
 * {@link ToolLoopEndToEndTest}).
 */
class ToolLoopLimitTest {

    @Test
    void reachingTheLimitReturnsTheLastAnswerWhenConfigured() throws Exception {
        try (FakeUpstream model = FakeUpstream.start().otherwise(ScriptedModel::answer);
                StreamableHttpMcpServer docs = StreamableHttpMcpServer.start();
                TestGateway gateway = TestGateway.builder()
                        .env("OPENAI_API_KEY", "sk-provider-key-for-tests")
                        .env("OPENAI_BASE_URL", model.baseUrl() + "/v1")
                        .config("""
                                mcp_servers:
                                  - name: docs
                                    url: %s
                                    headers: { Authorization: "%s" }
                                mcp:
                                  startup_wait: 60s
                                  max_iterations: 3
                                  on_max_iterations: last_answer
                                """.formatted(docs.url(), StreamableHttpMcpServer.TOKEN))
                        .start()) {
            OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl() + "/v1").apiKey("any").maxRetries(0).build();
            ChatCompletionCreateParams forever = ChatCompletionCreateParams.builder().model(ScriptedModel.MODEL)
                    .addUserMessage("call tools forever").build();

            HttpResponseFor<ChatCompletion> response = client.chat().completions().withRawResponse().create(forever);
            ChatCompletion completion = response.parse();

            assertEquals(200, response.statusCode());
            assertEquals(ChatCompletion.Choice.FinishReason.STOP, completion.choices().getFirst().finishReason());
            assertTrue(completion.choices().getFirst().message().toolCalls().orElse(List.of()).isEmpty());
            assertEquals(List.of("true"), response.headers().values("x-gateway-tool-limit-reached"));
            assertEquals(List.of("docs__lookup=ok, docs__lookup=ok"), response.headers().values("x-gateway-tool-calls"));
            assertEquals(3L * ScriptedModel.PROMPT_TOKENS, completion.usage().orElseThrow().promptTokens());
            assertEquals(3, model.received().size());
        }
    }
}
