package io.policygateway.plugins.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.MessageCreateParams;
import io.policygateway.kernel.auth.KeyHashes;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.TestGateway;
import org.junit.jupiter.api.Test;

/** Anthropic clients authenticate to the gateway as their SDK does: x-api-key or a bearer token. */
class AnthropicSdkAuthenticationTest {
    private static final String GATEWAY_KEY = "pgw-test-7c1d2e3f4a5b6c7d8e9f";
    private static final MessageCreateParams HELLO = MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(50)
            .addUserMessage("Hello").build();

    @Test
    void acceptsTheGatewayKeyAsXApiKeyOrBearerAndNeverForwardsIt() throws Exception {
        try (FakeUpstream anthropic = FakeUpstream.start();
                TestGateway gateway = TestGateway.builder()
                        .config("auth:\n  keys:\n    - name: ci\n      sha256: " + KeyHashes.sha256Hex(GATEWAY_KEY) + "\n")
                        .env("ANTHROPIC_API_KEY", Harness.API_KEY).env("ANTHROPIC_BASE_URL", anthropic.baseUrl()).start()) {
            anthropic.otherwise(request -> Reply.status(200, Harness.fixture("message-text.json")));
            AnthropicClient withApiKey = AnthropicOkHttpClient.builder().baseUrl(gateway.baseUrl()).apiKey(GATEWAY_KEY).maxRetries(0).build();
            AnthropicClient withBearer = AnthropicOkHttpClient.builder().baseUrl(gateway.baseUrl()).authToken(GATEWAY_KEY).maxRetries(0).build();

            assertEquals("Hi! My name is Claude.", withApiKey.messages().create(HELLO).content().get(0).text().orElseThrow().text());
            assertEquals("Hi! My name is Claude.", withBearer.messages().create(HELLO).content().get(0).text().orElseThrow().text());
            for (FakeUpstream.Recorded sent : anthropic.received()) {
                assertEquals(Harness.API_KEY, sent.header("x-api-key"));
                assertTrue(sent.header("authorization") == null, "no bearer goes to Anthropic");
            }

            AnthropicClient wrong = AnthropicOkHttpClient.builder().baseUrl(gateway.baseUrl()).apiKey("not-a-key").maxRetries(0).build();
            UnauthorizedException error = assertThrows(UnauthorizedException.class, () -> wrong.messages().create(HELLO));
            assertEquals(401, error.statusCode());
            assertEquals(2, anthropic.received().size(), "a refused caller never reaches the provider");
        }
    }
}
