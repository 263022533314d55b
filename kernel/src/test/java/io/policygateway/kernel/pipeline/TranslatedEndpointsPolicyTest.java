package io.policygateway.kernel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * /v1/messages and /v1/responses served by an OpenAI-format provider go through the same guardrails
 * as /v1/chat/completions: blocks come back in the caller's error format, rewrites apply to requests,
 * answers and streams.
 */
class TranslatedEndpointsPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestGateway gateway(FakeUpstream upstream) throws Exception {
        return TestGateway.builder()
                .config("providers:\n  up:\n    type: test-openai-format\n    base_url: " + upstream.baseUrl() + "\n"
                        + "plugins:\n  - name: test-word-guard\n")
                .start();
    }

    private static String message(String text, boolean stream) {
        return "{\"model\":\"test-model\",\"max_tokens\":50,\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    @Test
    void aBlockOnMessagesIsAnAnthropicShapedPolicyError() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream)) {
            HttpResponse<String> response = gateway.post("/v1/messages", message("this is forbidden", false));
            assertEquals(403, response.statusCode());
            JsonNode body = JSON.readTree(response.body());
            assertEquals("error", body.path("type").asText());
            assertEquals("policy_violation", body.path("error").path("type").asText());
            assertEquals("TEST_BLOCKED", body.path("error").path("code").asText());
            assertTrue(upstream.received().isEmpty());
        }
    }

    @Test
    void rewritesTheTranslatedRequestAndAnswerOnMessages() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream)) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "the secret is out", 3, 4)));
            HttpResponse<String> response = gateway.post("/v1/messages", message("tell me the secret", false));
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(upstream.lastRequest().body().contains("tell me the [REDACTED]"), upstream.lastRequest().body());
            JsonNode answer = JSON.readTree(response.body());
            assertEquals("message", answer.path("type").asText());
            assertEquals("the [REDACTED] is out", answer.path("content").get(0).path("text").asText());
        }
    }

    @Test
    void redactsAWordSplitAcrossChunksOfAnAnthropicStream() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream)) {
            upstream.enqueue(Reply.sse(OpenAiWire.streamFrames("test-model", List.of("the se", "cr", "et is out"), true, 3, 4), 0));
            HttpResponse<String> response = gateway.post("/v1/messages", message("hello", true));
            StringBuilder text = new StringBuilder();
            for (String line : response.body().lines().filter(line -> line.startsWith("data: {")).toList()) {
                JsonNode event = JSON.readTree(line.substring(6));
                if (event.path("type").asText().equals("content_block_delta")) {
                    text.append(event.path("delta").path("text").asText());
                }
            }
            assertEquals("the [REDACTED] is out", text.toString());
            assertFalse(response.body().contains("secret"), response.body());
            assertTrue(response.body().contains("event: message_stop"), response.body());
        }
    }

    @Test
    void rewritesResponsesAndBlocksInTheOpenAiErrorFormat() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream)) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "the secret is out", 3, 4)));
            HttpResponse<String> answered = gateway.post("/v1/responses", "{\"model\":\"test-model\",\"input\":\"tell me the secret\"}");
            assertEquals(200, answered.statusCode(), answered.body());
            assertEquals("the [REDACTED] is out", JSON.readTree(answered.body()).at("/output/0/content/0/text").asText());

            HttpResponse<String> blocked = gateway.post("/v1/responses", "{\"model\":\"test-model\",\"input\":\"this is forbidden\"}");
            assertEquals(403, blocked.statusCode());
            assertEquals("policy_violation", JSON.readTree(blocked.body()).at("/error/type").asText());
        }
    }

    @Test
    void refusesAMessagesBodyWithoutMessagesNamingTheField() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream)) {
            HttpResponse<String> response = gateway.post("/v1/messages", "{\"model\":\"test-model\",\"max_tokens\":5}");
            assertEquals(400, response.statusCode());
            JsonNode body = JSON.readTree(response.body());
            assertEquals("invalid_request_error", body.path("error").path("type").asText());
            assertTrue(body.path("error").path("message").asText().startsWith("messages:"), response.body());
        }
    }
}
