package io.policygateway.plugins.piiredact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pii-redact in a real gateway, over real HTTP, against a fake OpenAI-format upstream. */
class PiiRedactOverHttpTest {

    private static TestGateway gateway(FakeUpstream upstream, String config) throws Exception {
        return TestGateway.builder()
                .config("providers:\n  up:\n    type: test-openai-format\n    base_url: " + upstream.baseUrl() + "\n"
                        + "plugins:\n  - name: pii-redact\n    config: " + config + "\n")
                .start();
    }

    @Test
    void theModelSeesPlaceholdersAndTheCallerGetsTheOriginalsBackInReversibleMode() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream, "{ reversible: true }")) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "I wrote to [EMAIL_1] about [CREDIT_CARD_1].", 9, 9)));

            HttpResponse<String> response = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model",
                    "Email ann@example.com about the card 4111 1111 1111 1111", false));

            assertEquals(200, response.statusCode(), response.body());
            String upstreamBody = upstream.lastRequest().body();
            assertTrue(upstreamBody.contains("Email [EMAIL_1] about the card [CREDIT_CARD_1]"), upstreamBody);
            assertFalse(upstreamBody.contains("ann@example.com"), upstreamBody);
            JsonNode answer = TestPluginContext.JSON.readTree(response.body());
            assertEquals("I wrote to ann@example.com about 4111 1111 1111 1111.", answer.at("/choices/0/message/content").asText());
        }
    }

    @Test
    void anEmailSplitAcrossStreamChunksNeverReachesTheCaller() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream, "{ action: redact }")) {
            upstream.enqueue(Reply.sse(OpenAiWire.streamFrames("test-model",
                    List.of("Please write to anna.ber", "g@exam", "ple.org for invoices."), true, 3, 9), 0));

            HttpResponse<String> response = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", "who?", true));

            assertEquals(200, response.statusCode(), response.body());
            assertFalse(response.body().contains("anna"), response.body());
            StringBuilder text = new StringBuilder();
            for (String line : response.body().lines().filter(line -> line.startsWith("data: {")).toList()) {
                JsonNode content = TestPluginContext.JSON.readTree(line.substring(6)).at("/choices/0/delta/content");
                if (content.isTextual()) {
                    text.append(content.asText());
                }
            }
            assertEquals("Please write to [EMAIL_1] for invoices.", text.toString());
        }
    }
}
