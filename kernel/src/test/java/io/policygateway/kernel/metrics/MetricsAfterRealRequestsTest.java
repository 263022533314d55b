package io.policygateway.kernel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} after real requests through the gateway: the scrape parses as Prometheus
 * text, and requests, tokens and cost by project, latency histograms, unpriced models and limit
 * rejections moved by exactly what was sent.
 */
class MetricsAfterRealRequestsTest {
    private static final String CHAT = "/policy/chat/completions";
    private static final double INPUT_PRICE = 2.0;
    private static final double OUTPUT_PRICE = 8.0;

    @TempDir
    Path home;

    private static String config(String upstream) {
        return """
                providers:
                  up: { type: test-openai-format, base_url: %s }
                models:
                  prices:
                    up:
                      test-model: { input: %s, output: %s }
                policies:
                  - id: p
                    rules:
                      - { policyId: two-per-minute, kind: rate-limit, stage: request, scope: user, rateLimit: { requestsPerMinute: 2 } }
                projects:
                  - { id: app, policy: p }
                """.formatted(upstream, INPUT_PRICE, OUTPUT_PRICE);
    }

    @Test
    void requestsTokensCostLatencyAndLimitRejectionsAreCountedByProject() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start();
                TestGateway gateway = TestGateway.builder().home(home).config(config(upstream.baseUrl())).start()) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "one", 10, 5)));
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "two", 10, 5)));
            upstream.enqueue(Reply.sse(OpenAiWire.streamFrames("test-model", List.of("th", "ree"), true, 7, 3), 0));
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("mystery-model", "four", 10, 5)));

            assertEquals(200, gateway.post(CHAT, chat("test-model", false), "x-policy-project", "app", "x-policy-user", "alice").statusCode());
            assertEquals(200, gateway.post(CHAT, chat("test-model", false), "x-policy-project", "app", "x-policy-user", "alice").statusCode());
            HttpResponse<String> limited = gateway.post(CHAT, chat("test-model", false), "x-policy-project", "app", "x-policy-user", "alice");
            assertEquals(429, limited.statusCode(), limited.body());
            assertEquals(200, gateway.post(CHAT, chat("test-model", true), "x-policy-project", "app", "x-policy-user", "bob").statusCode());
            assertEquals(200, gateway.post("/v1/chat/completions", chat("mystery-model", false)).statusCode());

            PrometheusText scrape = awaitScrape(gateway, metrics -> metrics.sum("policy_gateway_requests_total", "provider", "up") == 4
                    && metrics.sum("policy_gateway_requests_total", "status", "429") == 1);

            assertEquals(3, scrape.sum("policy_gateway_requests_total", "route", CHAT, "surface", "policy", "provider", "up",
                    "model", "test-model", "status", "200", "status_class", "2xx"));
            assertEquals(1, scrape.sum("policy_gateway_requests_total", "route", CHAT, "provider", "none", "status", "429", "status_class", "4xx"));
            assertEquals(27, scrape.sum("policy_gateway_tokens_total", "provider", "up", "model", "test-model", "project", "app", "kind", "input"));
            assertEquals(13, scrape.sum("policy_gateway_tokens_total", "provider", "up", "model", "test-model", "project", "app", "kind", "output"));
            assertEquals(10, scrape.sum("policy_gateway_tokens_total", "model", "other", "project", "none", "kind", "input"),
                    "a model the gateway does not know is labelled other; a request without a project is labelled none");
            double expectedCost = (27 * INPUT_PRICE + 13 * OUTPUT_PRICE) / 1_000_000;
            assertEquals(expectedCost, scrape.sum("policy_gateway_cost_usd_total", "provider", "up", "model", "test-model", "project", "app"), 1e-12);
            assertEquals(0, scrape.sum("policy_gateway_cost_usd_total", "project", "none"), "the unpriced model costs nothing");
            assertEquals(1, scrape.sum("policy_gateway_unpriced_requests_total", "model", "other"));
            assertEquals(1, scrape.sum("policy_gateway_limit_rejections_total", "kind", "rate_limit", "reason_code", "RATE_LIMITED"));
            assertEquals(1, scrape.sum("policy_gateway_policy_decisions_total", "decision", "block", "reason_code", "RATE_LIMITED"));

            assertEquals(3, scrape.sum("policy_gateway_overhead_seconds_count", "route", CHAT), "every answered request has an overhead");
            assertEquals(3, scrape.sum("policy_gateway_overhead_seconds_bucket", "route", CHAT, "le", "+Inf"));
            assertEquals(4, scrape.sum("policy_gateway_upstream_duration_seconds_count", "provider", "up"));
            assertEquals(4, scrape.sum("policy_gateway_request_duration_seconds_count", "route", CHAT));
            assertEquals(1, scrape.sum("policy_gateway_stream_time_to_first_byte_seconds_count", "route", CHAT, "provider", "up"));
            assertTrue(scrape.sum("policy_gateway_request_duration_seconds_sum", "route", CHAT)
                    >= scrape.sum("policy_gateway_overhead_seconds_sum", "route", CHAT), "overhead is part of the total time");
            assertEquals(0, scrape.sum("policy_gateway_requests_in_flight", "route", CHAT));
            assertEquals(4, scrape.sum("policy_gateway_upstream_attempts_total", "provider", "up", "outcome", "success"));
            assertTrue(scrape.types().containsKey("jvm_memory_bytes_used"), "JVM metrics are exported too");
        }
    }

    private static String chat(String model, boolean stream) {
        return OpenAiWire.chatRequest(model, "hello", stream);
    }

    /** Metrics are recorded just after each response is sent: scrape until they show every request (at most 5 s). */
    static PrometheusText awaitScrape(TestGateway gateway, Predicate<PrometheusText> complete) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        PrometheusText scrape;
        do {
            HttpResponse<String> response = gateway.get("/metrics");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"),
                    response.headers().toString());
            scrape = PrometheusText.parse(response.body());
            if (complete.test(scrape)) {
                return scrape;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the metrics did not show every request within 5 s: " + scrape.samples());
    }
}
