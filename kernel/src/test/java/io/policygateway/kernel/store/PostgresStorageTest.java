package io.policygateway.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.auth.KeyHashes;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quotas and policy events in a real PostgreSQL (started by scripts/test, which exports
 * POLICY_GATEWAY_TEST_POSTGRES_URL). Two gateway instances in a row share the database, as several
 * instances behind a load balancer would.
 */
class PostgresStorageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URL = System.getenv("POLICY_GATEWAY_TEST_POSTGRES_URL");
    private static final String ADMIN_KEY = "pgw_admin_key_for_postgres_test";

    @TempDir
    Path firstHome;
    @TempDir
    Path secondHome;

    @BeforeAll
    static void needsPostgres() {
        if (URL == null || URL.isBlank()) {
            System.out.println("SKIPPED PostgresStorageTest: POLICY_GATEWAY_TEST_POSTGRES_URL is not set (./scripts/test starts PostgreSQL and sets it)");
        }
        assumeTrue(URL != null && !URL.isBlank(), "POLICY_GATEWAY_TEST_POSTGRES_URL is not set");
    }

    private static String config(String upstream, String project) {
        return "providers:\n  up: { type: test-openai-format, base_url: " + upstream + " }\n"
                + "storage: { postgres_url: \"" + URL + "\" }\n"
                + "auth:\n  admin_keys:\n    - { name: ops, sha256: " + KeyHashes.sha256Hex(ADMIN_KEY) + " }\n"
                + "projects:\n  - { id: " + project + ", quotas: { requests_per_day: 2 } }\n";
    }

    @Test
    void quotaUsageAndEventsAreSharedThroughPostgres() throws Exception {
        String project = "pg-" + UUID.randomUUID().toString().substring(0, 8);
        try (FakeUpstream upstream = FakeUpstream.start().otherwise(r -> Reply.status(200, OpenAiWire.completion("test-model", "ok", 3, 2)))) {
            try (TestGateway first = TestGateway.builder().home(firstHome).config(config(upstream.baseUrl(), project)).start()) {
                assertEquals(200, first.post("/policy/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false), "x-policy-project", project).statusCode());
                assertEquals(200, first.post("/policy/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false), "x-policy-project", project).statusCode());
            }
            try (TestGateway second = TestGateway.builder().home(secondHome).config(config(upstream.baseUrl(), project)).start()) {
                HttpResponse<String> spent = second.post("/policy/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false), "x-policy-project", project);
                assertEquals(429, spent.statusCode(), "the other instance's usage is in PostgreSQL");
                long deadline = System.currentTimeMillis() + 5_000;
                int events = 0;
                while (events < 3 && System.currentTimeMillis() < deadline) {
                    HttpResponse<String> query = second.get("/admin/events?project=" + project, "authorization", "Bearer " + ADMIN_KEY);
                    events = JSON.readTree(query.body()).path("data").size();
                    Thread.sleep(50);
                }
                assertEquals(3, events, "two allowed and one refused request, written by two instances");
            }
        }
    }
}
