package io.policygateway.plugins.secretscan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** secret-scan in a real gateway, over real HTTP, against a fake OpenAI-format upstream. */
class SecretScanOverHttpTest {

    @Test
    void aRequestCarryingATokenIsRefusedWith403AndNeverLeavesTheGateway() throws Exception {
        String token = FakeCredentials.githubToken(51);
        try (FakeUpstream upstream = FakeUpstream.start();
                TestGateway gateway = TestGateway.builder()
                        .config("providers:\n  up:\n    type: test-openai-format\n    base_url: " + upstream.baseUrl() + "\n"
                                + "plugins:\n  - name: secret-scan\n")
                        .start()) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    OpenAiWire.chatRequest("test-model", "why does " + token + " fail?", false));

            assertEquals(403, response.statusCode(), response.body());
            JsonNode error = TestPluginContext.JSON.readTree(response.body()).path("error");
            assertEquals("policy_violation", error.path("type").asText());
            assertEquals("SECRET_DETECTED", error.path("code").asText());
            assertFalse(response.body().contains(token));
            assertTrue(upstream.received().isEmpty());
        }
    }
}
