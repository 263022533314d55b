package io.policygateway.plugins.requestlogger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.StreamGuard;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request logger writing to and read back from a real SQLite file. */
class RequestLoggerGuardrailTest {
    @TempDir
    Path data;

    private TestPluginContext context;

    private Guardrail logger(String json) {
        context = new TestPluginContext(data);
        return new RequestLoggerGuardrailFactory().create(Chats.config(json), context);
    }

    private Destination sqlite() {
        return Destination.sqlite(data.resolve("request-log.db"));
    }

    private List<RequestRecord> rows() throws Exception {
        return RequestLogs.latest(sqlite(), "request_log", 10_000);
    }

    @Test
    void writesOneRowPerAnswerWithoutBodiesByDefault() throws Exception {
        Guardrail logger = logger("{}");
        GuardrailRequest request = Chats.request("trace-1", "What is my balance?");

        assertEquals(Decision.ALLOW, logger.afterResponse(Chats.answer(request, "You owe nothing.")).decision());
        logger.close();

        RequestRecord row = rows().getFirst();
        assertEquals(TestPluginContext.NOW, row.time());
        assertEquals("trace-1", row.traceId());
        assertEquals(Optional.of("support"), row.project());
        assertEquals(Optional.of("alice"), row.user());
        assertEquals(Optional.of("web"), row.target());
        assertEquals(Optional.of("support-app"), row.keyName());
        assertEquals(Optional.of("gpt-4o-2024-08-06"), row.model());
        assertEquals(Optional.of("openai"), row.provider());
        assertEquals(200, row.status());
        assertEquals("ok", row.outcome());
        assertFalse(row.stream());
        assertEquals(OptionalLong.of(12), row.inputTokens());
        assertEquals(OptionalLong.of(7), row.outputTokens());
        assertEquals(OptionalLong.of(340), row.latencyMillis());
        assertEquals(Optional.empty(), row.requestBody());
        assertEquals(Optional.empty(), row.responseBody());
        assertEquals(Optional.empty(), row.error());
        assertEquals(1, context.metrics.value("request_log_records_total", "written"));
    }

    @Test
    void storesBodiesWithCredentialsMaskedWhenAsked() throws Exception {
        Guardrail logger = logger("{\"log_bodies\": true}");
        GuardrailRequest request = Chats.request("trace-2", "deploy with AKIAIOSFODNN7EXAMPLE please");

        logger.afterResponse(Chats.answer(request, "Done. Your token is ghp_abcdefghijklmnopqrstuvwxyz0123456789"));
        logger.close();

        RequestRecord row = rows().getFirst();
        String sent = row.requestBody().orElseThrow();
        assertEquals("deploy with AKIAIOSF**** please", Chats.json(sent).at("/messages/0/content").asText());
        assertEquals("Done. Your token is ghp_****", Chats.json(row.responseBody().orElseThrow()).at("/choices/0/message/content").asText());
    }

    @Test
    void cutsBodiesLongerThanMaxBodyChars() throws Exception {
        Guardrail logger = logger("{\"log_bodies\": true, \"max_body_chars\": 300}");
        logger.afterResponse(Chats.answer(Chats.request("trace-3", "x".repeat(1000)), "ok"));
        logger.close();

        assertEquals(300, rows().getFirst().requestBody().orElseThrow().length());
    }

    @Test
    void recordsARefusedRequestWithItsCodeButNeverItsBody() throws Exception {
        Guardrail logger = logger("{\"log_bodies\": true}");

        logger.onError(Chats.request("trace-4", "my card is 4111 1111 1111 1111"),
                GatewayException.policy("PII_DETECTED", "Request blocked by policy (PII_DETECTED): personal data"));
        logger.close();

        RequestRecord row = rows().getFirst();
        assertEquals(403, row.status());
        assertEquals("PII_DETECTED", row.outcome());
        assertEquals(Optional.empty(), row.requestBody());
        assertEquals(Optional.of("Request blocked by policy (PII_DETECTED): personal data"), row.error());
        assertEquals(Optional.of("gpt-4o"), row.model());
        assertEquals(Optional.empty(), row.provider());
        assertEquals(OptionalLong.empty(), row.inputTokens());
    }

    @Test
    void recordsAnUpstreamFailureWithTheBodyThatWentUpstream() throws Exception {
        Guardrail logger = logger("{\"log_bodies\": true}");

        logger.onError(Chats.request("trace-5", "hello"), new GatewayException(ErrorCategory.UPSTREAM, "upstream answered 500"));
        logger.close();

        RequestRecord row = rows().getFirst();
        assertEquals(502, row.status());
        assertEquals("upstream_error", row.outcome());
        assertEquals("hello", Chats.json(row.requestBody().orElseThrow()).at("/messages/0/content").asText());
    }

    @Test
    void recordsAStreamedAnswerOnceWhenItFinishesPassingEveryDeltaThrough() throws Exception {
        Guardrail logger = logger("{\"log_bodies\": true}");
        StreamGuard guard = logger.openStream(Chats.request("trace-6", "hello"));

        assertEquals("Hi ", guard.onText("Hi ").release());
        assertEquals("there", guard.onText("there").release());
        assertEquals("", guard.finish().release());
        guard.finish();
        logger.close();

        List<RequestRecord> rows = rows();
        assertEquals(1, rows.size());
        assertTrue(rows.getFirst().stream());
        assertEquals(Optional.of("Hi there"), rows.getFirst().responseBody());
        assertEquals(Optional.empty(), rows.getFirst().provider());
    }

    @Test
    void closingWritesEverythingQueued() throws Exception {
        Guardrail logger = logger("{\"batch_size\": 7}");
        for (int i = 0; i < 500; i++) {
            logger.afterResponse(Chats.answer(Chats.request("trace-" + i, "hello"), "ok"));
        }

        logger.close();

        assertEquals(500, rows().size());
        assertEquals("trace-499", rows().getFirst().traceId());
    }

    @Test
    void dropsAndCountsRecordsWhenTheQueueIsFullInsteadOfBlocking() throws Exception {
        Guardrail logger = logger("{\"queue_capacity\": 1}");
        int offered = 2_000;
        for (int i = 0; i < offered; i++) {
            logger.afterResponse(Chats.answer(Chats.request("trace-" + i, "hello"), "ok"));
        }
        logger.close();

        double dropped = context.metrics.value("request_log_records_total", "dropped");
        assertTrue(dropped > 0, "a one-record queue cannot keep up with a tight loop");
        assertEquals(offered, rows().size() + dropped);
    }

    @Test
    void countsRecordsTheDatabaseRefusedAndKeepsGoing() throws Exception {
        Guardrail logger = logger("{\"jdbc_url\": \"jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=1\"}");

        logger.afterResponse(Chats.answer(Chats.request("trace-1", "hello"), "ok"));
        logger.close();

        assertEquals(1, context.metrics.value("request_log_records_total", "failed"));
    }

    @Test
    void instancesWritingToTheSameTableShareOneWriter() throws Exception {
        RequestLoggerGuardrailFactory factory = new RequestLoggerGuardrailFactory();
        context = new TestPluginContext(data);
        Guardrail first = factory.create(Chats.config("{}"), context);
        Guardrail second = factory.create(Chats.config("{\"log_bodies\": true}"), context);

        first.afterResponse(Chats.answer(Chats.request("trace-1", "hello"), "ok"));
        second.afterResponse(Chats.answer(Chats.request("trace-2", "hello"), "ok"));
        first.close();

        assertEquals(2, rows().size(), "closing one drains the shared queue");
        assertTrue(rows().getFirst().requestBody().isPresent(), "each instance keeps its own settings");
        assertTrue(rows().getLast().requestBody().isEmpty());
    }
}
