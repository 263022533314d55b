package io.policygateway.plugins.requestlogger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request logger writing to a real PostgreSQL (started by scripts/services or scripts/test,
 * which export POLICY_GATEWAY_TEST_POSTGRES_URL); skipped, saying so, when none is available.
 */
class PostgresRequestLoggerTest {
    private static final String URL = System.getenv("POLICY_GATEWAY_TEST_POSTGRES_URL");

    @TempDir
    Path home;

    @BeforeAll
    static void needsPostgres() {
        if (URL == null || URL.isBlank()) {
            System.out.println("SKIPPED PostgresRequestLoggerTest: POLICY_GATEWAY_TEST_POSTGRES_URL is not set "
                    + "(scripts/services start <dir> starts PostgreSQL and prints it)");
        }
        assumeTrue(URL != null && !URL.isBlank(), "POLICY_GATEWAY_TEST_POSTGRES_URL is not set");
    }

    @Test
    void writesRecordsThroughRealHttpAndReadsThemBack() throws Exception {
        String table = "request_log_" + UUID.randomUUID().toString().substring(0, 8);
        Destination database = new Destination(URL, Optional.empty(), Optional.empty());
        try (FakeUpstream upstream = FakeUpstream.start().otherwise(request -> Reply.status(200, OpenAiWire.completion("test-model", "ok", 5, 2)))) {
            try (TestGateway gateway = TestGateway.builder().home(home)
                    .config("providers:\n  up: { type: test-openai-format, base_url: " + upstream.baseUrl() + " }\n"
                            + "projects:\n  - { id: support }\n"
                            + "plugins:\n  - name: request-logger\n    config: { jdbc_url: \"" + URL + "\", table: " + table
                            + ", log_bodies: true }\n")
                    .start()) {
                assertEquals(200, gateway.post("/policy/chat/completions", OpenAiWire.chatRequest("test-model", "my key is sk-proj-AbCdEf0123456789AbCdEf", false),
                        "x-policy-project", "support", "x-policy-user", "alice").statusCode());
                assertEquals(200, gateway.post("/policy/chat/completions", OpenAiWire.chatRequest("test-model", "hello", false),
                        "x-policy-project", "support", "x-policy-user", "bob").statusCode());
                assertEquals(2, RequestLogs.await(database, table, 2).size(), "written while the gateway runs");
            }

            List<RequestRecord> rows = RequestLogs.latest(database, table, 10);
            assertEquals(2, rows.size());
            assertEquals(Optional.of("bob"), rows.get(0).user());
            assertEquals(Optional.of("alice"), rows.get(1).user());
            assertEquals(Optional.of("support"), rows.get(1).project());
            assertEquals(OptionalLong.of(5), rows.get(1).inputTokens());
            assertEquals("my key is sk-proj-****", Chats.json(rows.get(1).requestBody().orElseThrow()).at("/messages/0/content").asText());
        } finally {
            try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }
}
