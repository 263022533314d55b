package io.policygateway.plugins.maxtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** max-token in a real gateway, over real HTTP, against a fake OpenAI-format upstream. */
class MaxTokenOverHttpTest {

    @Test
    void aTooLargeRequestIsRefusedWith403NamingTheLimit() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start();
                TestGateway gateway = TestGateway.builder()
                        .config("providers:\n  up:\n    type: test-openai-format\n    base_url: " + upstream.baseUrl() + "\n"
                                + "plugins:\n  - name: max-token\n    config: { maxInputTokens: 20 }\n")
                        .start()) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    OpenAiWire.chatRequest("test-model", "word ".repeat(100), false));

            assertEquals(403, response.statusCode(), response.body());
            JsonNode error = TestPluginContext.JSON.readTree(response.body()).path("error");
            assertEquals("policy_violation", error.path("type").asText());
            assertEquals("MAX_TOKENS_EXCEEDED", error.path("code").asText());
            assertTrue(error.path("message").asText().contains("the limit is 20 (maxInputTokens)"), error.toString());
            assertTrue(upstream.received().isEmpty());
        }
    }
}
