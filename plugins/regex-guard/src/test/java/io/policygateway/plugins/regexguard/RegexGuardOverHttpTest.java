package io.policygateway.plugins.regexguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** regex-guard in a real gateway, over real HTTP, against a fake OpenAI-format upstream. */
class RegexGuardOverHttpTest {
    private static final String PLUGINS = "plugins:\n  - name: regex-guard\n    config:\n      patterns:\n"
            + "        - { name: ticket, pattern: \"TCK-\\\\d{4,}\", action: redact }\n"
            + "        - { name: codename, pattern: \"(?i)project falcon\", action: block }\n";

    private static TestGateway gateway(FakeUpstream upstream) throws Exception {
        return TestGateway.builder()
                .config("providers:\n  up:\n    type: test-openai-format\n    base_url: " + upstream.baseUrl() + "\n" + PLUGINS)
                .start();
    }

    @Test
    void aBlockPatternRefusesTheRequestWith403() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream)) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    OpenAiWire.chatRequest("test-model", "status of Project Falcon?", false));

            assertEquals(403, response.statusCode(), response.body());
            JsonNode error = TestPluginContext.JSON.readTree(response.body()).path("error");
            assertEquals("REGEX_MATCH", error.path("code").asText());
            assertTrue(upstream.received().isEmpty());
        }
    }

    @Test
    void aRedactPatternRewritesTheAnswerTheCallerSees() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream)) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "Your ticket is TCK-98765.", 5, 6)));

            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    OpenAiWire.chatRequest("test-model", "which ticket?", false));

            assertEquals(200, response.statusCode(), response.body());
            assertFalse(response.body().contains("98765"), response.body());
            assertEquals("Your ticket is [TICKET].",
                    TestPluginContext.JSON.readTree(response.body()).at("/choices/0/message/content").asText());
        }
    }
}
