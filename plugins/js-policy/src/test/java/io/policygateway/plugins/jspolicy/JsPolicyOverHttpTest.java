package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.kernel.auth.KeyHashes;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy scripts in a real gateway, over real HTTP, against a fake OpenAI-format upstream. */
@SuppressWarnings("try")
class JsPolicyOverHttpTest {

    private static TestGateway gateway(FakeUpstream upstream, Path home, String script) throws Exception {
        return TestGateway.builder()
                .home(home)
                .config("providers:\n  up:\n    type: test-openai-format\n    base_url: " + upstream.baseUrl() + "\n"
                        + "plugins:\n  - name: js\n    config:\n      script: \"" + script + "\"\n")
                .start();
    }

    @Test
    void aScriptBlocksARequestWith403AndItsReasonCode(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("policies"));
        Files.writeString(home.resolve("policies/no-acme.js"), """
                function onRequest(req) {
                  if (req.messages.some((m) => /acme/i.test(m.content))) {
                    return { action: 'block', reason_code: 'COMPETITOR_MENTION', message: 'No competitor talk.' };
                  }
                }
                """);
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream, home, "no-acme.js")) {
            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    OpenAiWire.chatRequest("test-model", "Is ACME cheaper?", false));

            assertEquals(403, response.statusCode(), response.body());
            JsonNode error = Chat.JSON.readTree(response.body()).path("error");
            assertEquals("policy_violation", error.path("type").asText());
            assertEquals("COMPETITOR_MENTION", error.path("code").asText());
            assertTrue(upstream.received().isEmpty());
        }
    }

    @Test
    void aRewriteReachesTheUpstream(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("policies"));
        Files.writeString(home.resolve("policies/prompt.js"), """
                function onRequest(req) {
                  return { action: 'rewrite', reason_code: 'PROMPT_ADDED',
                           request: { messages: [{ role: 'system', content: 'Answer in French.' }, ...req.messages] } };
                }
                """);
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream, home, "prompt.js")) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "Bonjour", 5, 1)));

            HttpResponse<String> response = gateway.post("/v1/chat/completions",
                    OpenAiWire.chatRequest("test-model", "Hello", false));

            assertEquals(200, response.statusCode(), response.body());
            JsonNode sent = Chat.JSON.readTree(upstream.lastRequest().body());
            assertEquals("Answer in French.", sent.at("/messages/0/content").asText());
            assertEquals("Hello", sent.at("/messages/1/content").asText());
        }
    }

    @Test
    void aScriptDroppedIntoThePoliciesFolderTakesEffectWithoutARestart(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("policies"));
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream, home, "*")) {
            upstream.otherwise(request -> Reply.status(200, OpenAiWire.completion("test-model", "fine", 1, 1)));
            assertEquals(200, gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", "Hi", false))
                    .statusCode());

            Files.writeString(home.resolve("policies/.staged"), """
                    function onRequest(req) {
                      return { action: 'block', reason_code: 'DROPPED_IN' };
                    }
                    """);
            Files.move(home.resolve("policies/.staged"), home.resolve("policies/dropped-in.js"));

            HttpResponse<String> blocked = Eventually.await(Duration.ofSeconds(2),
                    () -> gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", "Hi", false)),
                    response -> response.statusCode() == 403);
            assertEquals("DROPPED_IN", Chat.JSON.readTree(blocked.body()).at("/error/code").asText());
        }
    }

    @Test
    void aPolicyRuleWithEngineJsRunsTheScriptForTheCallersProject(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("policies"));
        Files.copy(ExampleScripts.FOLDER.resolve("require-ticket-id.js"), home.resolve("policies/require-ticket-id.js"));
        String key = "pgw_support_bot_key_000000001";
        String config = """
                providers:
                  up: { type: test-openai-format, base_url: %s }
                auth:
                  keys:
                    - { name: support, sha256: %s, project: support-bot }
                policies:
                  - id: support-policy
                    rules:
                      - policyId: ticket-required
                        kind: guardrail
                        stage: request
                        scope: tenant
                        guardrail: { engine: js, script: require-ticket-id.js }
                projects:
                  - id: support-bot
                    policy: support-policy
                """;
        try (FakeUpstream upstream = FakeUpstream.start()) {
            upstream.otherwise(request -> Reply.status(200, OpenAiWire.completion("test-model", "Done", 3, 1)));
            try (TestGateway gateway = TestGateway.builder().home(home)
                    .config(config.formatted(upstream.baseUrl(), KeyHashes.sha256Hex(key)))
                    .start()) {
                HttpResponse<String> blocked = gateway.post("/policy/chat/completions",
                        OpenAiWire.chatRequest("test-model", "Why was the customer charged twice?", false),
                        "authorization", "Bearer " + key);
                HttpResponse<String> allowed = gateway.post("/policy/chat/completions",
                        OpenAiWire.chatRequest("test-model", "Why was OPS-1234 charged twice?", false),
                        "authorization", "Bearer " + key);

                assertEquals(403, blocked.statusCode(), blocked.body());
                assertEquals("TICKET_ID_REQUIRED", Chat.JSON.readTree(blocked.body()).at("/error/code").asText());
                assertEquals(200, allowed.statusCode(), allowed.body());
                assertEquals("support-policy", Chat.JSON.readTree(allowed.body()).at("/policy/policy_id").asText());
                assertEquals(1, upstream.received().size());
            }
        }
    }
}
