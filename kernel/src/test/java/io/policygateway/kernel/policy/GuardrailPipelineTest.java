package io.policygateway.kernel.policy;

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

/** Guardrails from the plugins: list, through real HTTP, against a fake OpenAI-format upstream. */
class GuardrailPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestGateway gateway(FakeUpstream upstream, String guardConfig) throws Exception {
        return TestGateway.builder()
                .config("providers:\n  up:\n    type: test-openai-format\n    base_url: " + upstream.baseUrl() + "\n"
                        + "plugins:\n  - name: test-word-guard\n" + guardConfig)
                .start();
    }

    private static String chat(String text, boolean stream) {
        return OpenAiWire.chatRequest("test-model", text, stream);
    }

    @Test
    void blocksRequestWith403PolicyViolationAndReasonCodeWithoutCallingUpstream() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream, "")) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("this is forbidden", false));
            assertEquals(403, response.statusCode());
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertEquals("policy_violation", error.path("type").asText());
            assertEquals("TEST_BLOCKED", error.path("code").asText());
            assertTrue(upstream.received().isEmpty());
            gateway.awaitAccessLog(line -> line.contains("\"decision\":\"block\""));
        }
    }

    @Test
    void rewritesRequestAndResponse() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream, "")) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "the secret is out", 3, 4)));
            HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("tell me the secret", false));
            assertEquals(200, response.statusCode());
            assertTrue(upstream.lastRequest().body().contains("tell me the [REDACTED]"), upstream.lastRequest().body());
            assertEquals("the [REDACTED] is out", JSON.readTree(response.body()).at("/choices/0/message/content").asText());
        }
    }

    @Test
    void redactsAWordSplitAcrossStreamChunks() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream, "")) {
            upstream.enqueue(Reply.sse(OpenAiWire.streamFrames("test-model", List.of("the se", "cr", "et is out"), true, 3, 4), 0));
            HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("hello", true));
            StringBuilder text = new StringBuilder();
            for (String line : response.body().lines().filter(l -> l.startsWith("data: {")).toList()) {
                JsonNode content = JSON.readTree(line.substring(6)).at("/choices/0/delta/content");
                if (content.isTextual()) {
                    text.append(content.asText());
                }
            }
            assertEquals("the [REDACTED] is out", text.toString());
            assertFalse(response.body().contains("secret"), response.body());
            assertTrue(response.body().endsWith("data: [DONE]\n\n"));
        }
    }

    @Test
    void failClosedGuardrailFaultRejectsWith503() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream, "    config: { fault: throw }\n")) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("hello", false));
            assertEquals(503, response.statusCode());
            assertEquals("GUARDRAIL_UNAVAILABLE", JSON.readTree(response.body()).at("/error/code").asText());
            assertTrue(upstream.received().isEmpty());
        }
    }

    @Test
    void failOpenGuardrailTimeoutLetsTheRequestThrough() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start();
                TestGateway gateway = gateway(upstream, "    config: { fault: hang }\n    fail_open: true\n    timeout: 200ms\n")) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "fine", 1, 1)));
            long started = System.nanoTime();
            HttpResponse<String> response = gateway.post("/v1/chat/completions", chat("hello", false));
            assertEquals(200, response.statusCode());
            assertTrue((System.nanoTime() - started) / 1_000_000 < 3_000, "the hung guardrail was abandoned at its timeout");
        }
    }

    @Test
    void unknownGuardrailNameIsAConfigErrorNamingThePath() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(io.policygateway.api.ConfigException.class,
                () -> TestGateway.builder().config("plugins:\n  - name: no-such-guard\n").start());
        assertTrue(e.getMessage().contains("plugins[0].name: no guardrail plugin named 'no-such-guard'"), e.getMessage());
    }
}
