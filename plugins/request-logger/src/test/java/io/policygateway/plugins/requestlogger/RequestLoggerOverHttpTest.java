package io.policygateway.plugins.requestlogger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.kernel.auth.KeyHashes;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request logger in a real gateway, over real HTTP, behind the kernel's test word guard (which
 * blocks "forbidden" and redacts "secret"), writing to the default SQLite file in the data folder.
 */
class RequestLoggerOverHttpTest {
    private static final String KEY = "pgw_request_logger_test_key";

    @TempDir
    Path home;

    private TestGateway gateway(FakeUpstream upstream, String loggerConfig) throws Exception {
        return TestGateway.builder().home(home)
                .config("providers:\n  up:\n    type: test-openai-format\n    base_url: " + upstream.baseUrl() + "\n"
                        + "projects:\n  - { id: support }\n"
                        + "auth:\n  keys:\n    - { name: support-app, sha256: " + KeyHashes.sha256Hex(KEY) + ", project: support }\n"
                        + "plugins:\n  - name: test-word-guard\n  - name: request-logger\n    config: " + loggerConfig + "\n")
                .start();
    }

    private static HttpResponse<String> chat(TestGateway gateway, String text, boolean stream) {
        return gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", text, stream), "authorization", "Bearer " + KEY,
                "x-policy-user", "alice", "x-policy-target", "web");
    }

    private Destination database() {
        return Destination.sqlite(home.resolve("data/request-log.db"));
    }

    @Test
    void recordsAnAnswerAsItWentUpstreamAndCameBackWithCredentialsMasked() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "the secret is out", 5, 2)));
            try (TestGateway gateway = gateway(upstream, "{ log_bodies: true }")) {
                HttpResponse<String> response = chat(gateway, "tell me the secret, my key is sk-proj-AbCdEf0123456789AbCdEf0123", false);
                assertEquals(200, response.statusCode(), response.body());
            }

            List<RequestRecord> rows = RequestLogs.latest(database(), "request_log", 10);
            assertEquals(1, rows.size(), "closing the gateway wrote the queued record");
            RequestRecord row = rows.getFirst();
            assertEquals(Optional.of("support"), row.project());
            assertEquals(Optional.of("alice"), row.user());
            assertEquals(Optional.of("web"), row.target());
            assertEquals(Optional.of("support-app"), row.keyName());
            assertEquals(Optional.of("test-model"), row.model());
            assertEquals(Optional.of("up"), row.provider());
            assertEquals(200, row.status());
            assertEquals(OptionalLong.of(5), row.inputTokens());
            assertEquals(OptionalLong.of(2), row.outputTokens());
            assertEquals("tell me the [REDACTED], my key is sk-proj-****",
                    Chats.json(row.requestBody().orElseThrow()).at("/messages/0/content").asText());
            assertEquals("the [REDACTED] is out", Chats.json(row.responseBody().orElseThrow()).at("/choices/0/message/content").asText());
            assertFalse(row.traceId().isBlank());
        }
    }

    @Test
    void writesRecordsOffTheRequestPathWithoutBodiesByDefault() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().otherwise(request -> Reply.status(200, OpenAiWire.completion("test-model", "ok", 5, 2)));
                TestGateway gateway = gateway(upstream, "{}")) {
            assertEquals(200, chat(gateway, "hello", false).statusCode());
            assertEquals(200, chat(gateway, "hello again", false).statusCode());

            List<RequestRecord> rows = RequestLogs.await(database(), "request_log", 2);

            assertEquals(2, rows.size());
            assertTrue(rows.stream().allMatch(row -> row.requestBody().isEmpty() && row.responseBody().isEmpty()));
        }
    }

    @Test
    void recordsAStreamedAnswerWhenItEnds() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            upstream.enqueue(Reply.sse(OpenAiWire.streamFrames("test-model", List.of("the se", "cret ", "is out"), true, 5, 3), 0));
            try (TestGateway gateway = gateway(upstream, "{ log_bodies: true }")) {
                HttpResponse<String> response = chat(gateway, "hello", true);
                assertTrue(response.body().endsWith("data: [DONE]\n\n"), response.body());
            }

            RequestRecord row = RequestLogs.latest(database(), "request_log", 10).getFirst();
            assertTrue(row.stream());
            assertEquals(200, row.status());
            assertEquals(Optional.of("the [REDACTED] is out"), row.responseBody(), "the text the caller received");
        }
    }

    @Test
    void recordsARefusedRequestWithItsReasonCodeButNotItsBody() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            try (TestGateway gateway = gateway(upstream, "{ log_bodies: true }")) {
                assertEquals(403, chat(gateway, "this is forbidden", false).statusCode());
            }

            RequestRecord row = RequestLogs.latest(database(), "request_log", 10).getFirst();
            assertEquals(403, row.status());
            assertEquals("TEST_BLOCKED", row.outcome());
            assertEquals(Optional.empty(), row.requestBody());
            assertTrue(row.error().orElseThrow().contains("TEST_BLOCKED"), row.error().toString());
            assertTrue(upstream.received().isEmpty());
        }
    }

    @Test
    void recordsAnUpstreamFailureWithTheBodyThatWentUpstream() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().otherwise(request -> Reply.status(500, "{\"error\":{\"message\":\"boom\"}}"))) {
            try (TestGateway gateway = gateway(upstream, "{ log_bodies: true }")) {
                HttpResponse<String> response = chat(gateway, "hello", false);
                assertTrue(response.statusCode() >= 500, response.body());
            }

            RequestRecord row = RequestLogs.latest(database(), "request_log", 10).getFirst();
            assertTrue(row.status() >= 500);
            assertEquals("hello", Chats.json(row.requestBody().orElseThrow()).at("/messages/0/content").asText());
            assertEquals(Optional.empty(), row.responseBody());
        }
    }
}
