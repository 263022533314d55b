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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost, data-residency and audit rule kinds, allowing and blocking, through real HTTP. */
class RuleKindsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private TestGateway gateway(FakeUpstream upstream, String rules) throws Exception {
        String yaml = """
                providers:
                  up: { type: test-openai-format, base_url: %s }
                models:
                  prices:
                    up:
                      test-model: { input: 1000, output: 1000 }
                policies:
                  - id: p
                    rules:
                %s
                projects:
                  - { id: app, policy: p }
                """.formatted(upstream.baseUrl(), rules.indent(6));
        return TestGateway.builder().home(home).config(yaml).start();
    }

    private static FakeUpstream upstream() throws Exception {
        return FakeUpstream.start().otherwise(r -> Reply.status(200, OpenAiWire.completion("test-model", "the answer", 1, 9)));
    }

    private static String chat(String text) {
        return "{\"model\":\"test-model\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    @Test
    void costRuleBlocksOnceTheScopesSpendWouldPassTheLimit() throws Exception {
        String rules = "- { policyId: daily-cap, kind: cost, stage: request, scope: user, cost: { limit: 0.02, currency: USD, period: daily, action: block } }";
        try (FakeUpstream upstream = upstream(); TestGateway gateway = gateway(upstream, rules)) {
            for (int i = 0; i < 2; i++) {
                assertEquals(200, gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app", "x-policy-user", "ann").statusCode());
            }
            HttpResponse<String> blocked = gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app", "x-policy-user", "ann");
            assertEquals(403, blocked.statusCode());
            assertEquals("COST_LIMIT_EXCEEDED", JSON.readTree(blocked.body()).at("/error/code").asText());
            assertEquals(200, gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app", "x-policy-user", "bob").statusCode(),
                    "scope user: another user has spent nothing");
        }
    }

    @Test
    void costRuleAlertWarnsButServes() throws Exception {
        String rules = "- { policyId: tiny, kind: cost, stage: request, scope: tenant, cost: { limit: 0.001, period: monthly, action: alert } }";
        try (FakeUpstream upstream = upstream(); TestGateway gateway = gateway(upstream, rules)) {
            HttpResponse<String> response = gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app");
            assertEquals(200, response.statusCode());
            assertEquals("warn", JSON.readTree(response.body()).at("/policy/decision").asText());
        }
    }

    @Test
    void dataResidencyBlocksAProviderItDeniesAndAllowsOthers() throws Exception {
        String denied = "- { policyId: eu-only, kind: data-residency, stage: request, scope: global, dataResidency: { deniedProviders: [up] } }";
        try (FakeUpstream upstream = upstream(); TestGateway gateway = gateway(upstream, denied)) {
            HttpResponse<String> response = gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app");
            assertEquals(403, response.statusCode());
            assertEquals("DATA_RESIDENCY", JSON.readTree(response.body()).at("/error/code").asText());
            assertTrue(upstream.received().isEmpty());
        }
        String allowed = "- { policyId: not-them, kind: data-residency, stage: request, scope: global, dataResidency: { deniedProviders: [someone-else] } }";
        try (FakeUpstream upstream = upstream(); TestGateway gateway = gateway(upstream, allowed)) {
            assertEquals(200, gateway.post("/policy/chat/completions", chat("hi"), "x-policy-project", "app").statusCode());
        }
    }

    @Test
    void auditRuleWritesBodiesToItsSinkNotToStdoutAndEnforcesRetention() throws Exception {
        Path sink = home.resolve("logs/audit");
        Files.createDirectories(sink);
        Path old = Files.writeString(sink.resolve("audit-" + LocalDate.now(ZoneOffset.UTC).minusDays(40) + ".jsonl"), "{}\n");
        String rules = "- { policyId: keep-bodies, kind: audit, stage: both, scope: tenant, audit: { logRequestBody: true, logResponseBody: true, retentionDays: 30, sink: audit } }";
        try (FakeUpstream upstream = upstream(); TestGateway gateway = gateway(upstream, rules)) {
            assertEquals(200, gateway.post("/policy/chat/completions", chat("a distinctive audited prompt"), "x-policy-project", "app").statusCode());
            Path today = sink.resolve("audit-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl");
            long deadline = System.currentTimeMillis() + 5_000;
            while (!Files.exists(today) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            JsonNode record = JSON.readTree(Files.readAllLines(today).get(0));
            assertEquals("keep-bodies", record.path("rule").asText());
            assertEquals("a distinctive audited prompt", record.at("/request/messages/0/content").asText());
            assertEquals("the answer", record.at("/response/choices/0/message/content").asText());
            assertFalse(String.join("\n", gateway.accessLogLines()).contains("distinctive audited prompt"), "bodies never go to stdout");
            assertFalse(Files.exists(old), "files older than retentionDays are deleted");
        }
    }

    @Test
    void eventsQueuedAtShutdownAreWrittenBeforeItEnds() throws Exception {
        try (FakeUpstream upstream = upstream()) {
            TestGateway gateway = gateway(upstream, "[]");
            for (int i = 0; i < 20; i++) {
                gateway.post("/policy/chat/completions", chat("hi " + i), "x-policy-project", "app");
            }
            gateway.close();
            try (Stream<String> lines = Files.lines(home.resolve("logs/policy-events.log"))) {
                List<String> events = lines.toList();
                assertEquals(20, events.size(), "a clean shutdown loses no event");
            }
        }
    }
}
