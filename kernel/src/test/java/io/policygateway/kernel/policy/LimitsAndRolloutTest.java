package io.policygateway.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rate limits, quotas that survive a restart, shadow rules and canary versions. */
class LimitsAndRolloutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private static String config(String upstream, String body) {
        return "providers:\n  up: { type: test-openai-format, base_url: " + upstream + " }\n" + body;
    }

    private static String chat(String text) {
        return OpenAiWire.chatRequest("test-model", text, false);
    }

    private static FakeUpstream upstream() throws Exception {
        return FakeUpstream.start().otherwise(request -> Reply.status(200, OpenAiWire.completion("test-model", "ok", 10, 5)));
    }

    @Test
    void rateLimitRuleAnswers429WithRetryAfterAndRateLimitHeaders() throws Exception {
        String yaml = """
                policies:
                  - id: p
                    rules:
                      - { policyId: two-per-minute, kind: rate-limit, stage: request, scope: user, rateLimit: { requestsPerMinute: 2 } }
                projects:
                  - { id: app, policy: p }
                """;
        try (FakeUpstream upstream = upstream(); TestGateway gateway = TestGateway.builder().home(home).config(config(upstream.baseUrl(), yaml)).start()) {
            for (int i = 0; i < 2; i++) {
                assertEquals(200, gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app", "x-policy-user", "alice").statusCode());
            }
            HttpResponse<String> limited = gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app", "x-policy-user", "alice");
            assertEquals(429, limited.statusCode());
            assertTrue(Integer.parseInt(limited.headers().firstValue("retry-after").orElseThrow()) >= 1);
            assertEquals("2", limited.headers().firstValue("x-ratelimit-limit-requests").orElseThrow());
            assertEquals("0", limited.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
            assertEquals("RATE_LIMITED", JSON.readTree(limited.body()).at("/error/code").asText());
            assertEquals(200, gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app", "x-policy-user", "bob").statusCode(),
                    "scope user: another user has its own bucket");
        }
    }

    @Test
    void projectQuotaIsEnforcedAndUsageSurvivesARestart() throws Exception {
        String yaml = """
                projects:
                  - id: app
                    quotas: { requests_per_day: 3, tokens_per_day: 1000000 }
                """;
        try (FakeUpstream upstream = upstream()) {
            try (TestGateway gateway = TestGateway.builder().home(home).config(config(upstream.baseUrl(), yaml)).start()) {
                HttpResponse<String> first = gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app");
                assertEquals(200, first.statusCode(), first.body());
                JsonNode quota = JSON.readTree(first.body()).at("/policy/quota");
                assertEquals(2, quota.path("requests_per_day (project app)").path("remaining").asLong(), quota.toString());
                assertEquals(200, gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app").statusCode());
            }
            try (TestGateway restarted = TestGateway.builder().home(home).config(config(upstream.baseUrl(), yaml)).start()) {
                assertEquals(200, restarted.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app").statusCode());
                HttpResponse<String> spent = restarted.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app");
                assertEquals(429, spent.statusCode(), "two requests before the restart still count");
                assertEquals("QUOTA_EXCEEDED", JSON.readTree(spent.body()).at("/error/code").asText());
                assertTrue(spent.headers().firstValue("retry-after").isPresent());
                assertEquals("3", spent.headers().firstValue("x-ratelimit-limit-requests").orElseThrow());
            }
        }
    }

    @Test
    void shadowRuleReportsWhatItWouldDoWithoutEnforcing() throws Exception {
        String yaml = """
                policies:
                  - id: p
                    rules:
                      - { policyId: shadow-deny, mode: shadow, kind: access, stage: request, scope: global, access: { deniedModels: ["test-*"] } }
                projects:
                  - { id: app, policy: p }
                """;
        try (FakeUpstream upstream = upstream(); TestGateway gateway = TestGateway.builder().home(home).config(config(upstream.baseUrl(), yaml)).start()) {
            HttpResponse<String> response = gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app");
            assertEquals(200, response.statusCode(), response.body());
            JsonNode policy = JSON.readTree(response.body()).path("policy");
            assertEquals("allow", policy.path("decision").asText());
            assertEquals("shadow-deny", policy.at("/shadow/0/rule").asText());
            assertEquals("block", policy.at("/shadow/0/decision").asText());
            assertEquals("MODEL_DENIED", policy.at("/shadow/0/reason_code").asText());
            assertTrue(PolicySurfaceTest.awaitLine(home.resolve("logs/policy-events.log"), "shadow=").contains("shadow=shadow-deny:block:MODEL_DENIED"));
        }
    }

    @Test
    void canaryVersionServesItsTargetLabelAndTheRestKeepTheCurrentVersion() throws Exception {
        String yaml = """
                policies:
                  - id: p
                    version: 1
                    rules: []
                    canary:
                      version: 2
                      targets: [mobile-app]
                      rules:
                        - { policyId: v2-deny, kind: access, stage: request, scope: global, access: { deniedModels: ["test-*"] } }
                projects:
                  - { id: app, policy: p }
                """;
        try (FakeUpstream upstream = upstream(); TestGateway gateway = TestGateway.builder().home(home).config(config(upstream.baseUrl(), yaml)).start()) {
            HttpResponse<String> current = gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app", "x-policy-target", "web");
            assertEquals(200, current.statusCode());
            assertEquals(1, JSON.readTree(current.body()).at("/policy/policy_version").asInt());
            HttpResponse<String> canary = gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app", "x-policy-target", "mobile-app");
            assertEquals(403, canary.statusCode());
            assertEquals("canary", JSON.readTree(canary.body()).at("/policy/mode").asText());
            assertEquals(2, JSON.readTree(canary.body()).at("/policy/policy_version").asInt());
        }
    }
}
