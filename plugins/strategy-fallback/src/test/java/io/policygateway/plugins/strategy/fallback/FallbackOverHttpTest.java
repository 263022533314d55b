package io.policygateway.plugins.strategy.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.routing.AccessLogs;
import io.policygateway.kernel.routing.UpstreamFleet;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code mode: fallback} through a real gateway in front of three OpenAI-format upstreams. */
class FallbackOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERROR = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}";

    private UpstreamFleet fleet;
    private TestGateway gateway;

    @BeforeEach
    void startUpstreams() throws Exception {
        fleet = UpstreamFleet.start("a", "b", "c");
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        fleet.close();
    }

    private void start(String strategy) throws Exception {
        gateway = TestGateway.builder()
                .config("upstream: { first_byte_timeout: 3s, idle_timeout: 3s }\n" + fleet.providersYaml() + strategy)
                .start();
    }

    private HttpResponse<String> chat() {
        return gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", false));
    }

    private static String text(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return body.at("/choices/0/message/content").asText();
    }

    @Test
    void triesTargetsInConfiguredOrderUntilOneAnswers() throws Exception {
        fleet.always("a", Reply.status(500, ERROR)).always("b", Reply.status(502, ERROR));
        start("strategy: { mode: fallback, targets: [{ provider: a }, { provider: b }, { provider: c }] }\n");

        HttpResponse<String> response = chat();

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("from c", text(response));
        assertEquals("c", response.headers().firstValue("x-gateway-provider").orElseThrow());
        assertEquals("3", response.headers().firstValue("x-gateway-attempts").orElseThrow());
        assertEquals(List.of(1, 1, 1), List.of(fleet.calls("a"), fleet.calls("b"), fleet.calls("c")));
        AccessLogs.await(gateway, line -> line.contains("\"provider\":\"c\"") && line.contains("\"attempts\":3"));
    }

    @Test
    void retriesATargetWithBoundedBackoffBeforeMovingToTheNext() throws Exception {
        fleet.always("a", Reply.status(503, ERROR));
        start("""
                strategy:
                  mode: fallback
                  targets:
                    - provider: a
                      retry: { attempts: 3, on_status: [503], backoff: { initial: 40ms, max: 60ms } }
                    - provider: b
                """);

        long started = System.nanoTime();
        HttpResponse<String> response = chat();
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("from b", text(response));
        assertEquals(3, fleet.calls("a"));
        assertEquals("4", response.headers().firstValue("x-gateway-attempts").orElseThrow());
        List<Long> arrivals = fleet.arrivals("a");
        for (int i = 1; i < arrivals.size(); i++) {
            long gapMillis = (arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000;
            assertTrue(gapMillis < 60 + 1_500, "retry " + i + " waited at most backoff.max plus the call itself, was " + gapMillis + " ms");
        }
        assertTrue(elapsedMillis < 2_000, "bounded: " + elapsedMillis + " ms");
    }

    @Test
    void waitsForTheUpstreamsRetryAfterWhenItFitsTheBackoffMaximum() throws Exception {
        fleet.upstream("a").enqueue(Reply.json(429, ERROR, Map.of("retry-after", "0.3")));
        start("""
                strategy:
                  targets:
                    - provider: a
                      retry: { attempts: 2, backoff: { initial: 1ms, max: 1s } }
                    - provider: b
                """);

        long started = System.nanoTime();
        HttpResponse<String> response = chat();
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("from a", text(response), "the retry on the same target succeeded");
        assertEquals(0, fleet.calls("b"));
        assertTrue(elapsedMillis >= 300, "Retry-After of 0.3 s was honoured, took " + elapsedMillis + " ms");
    }

    @Test
    void movesOnAtOnceWhenRetryAfterIsLongerThanTheBackoffMaximum() throws Exception {
        fleet.always("a", Reply.json(429, ERROR, Map.of("retry-after", "30")));
        start("""
                strategy:
                  targets:
                    - provider: a
                      retry: { attempts: 3, backoff: { initial: 1ms, max: 1s } }
                    - provider: b
                """);

        long started = System.nanoTime();
        HttpResponse<String> response = chat();

        assertEquals("from b", text(response));
        assertEquals(1, fleet.calls("a"), "no retry that would ignore the upstream's 30 s");
        assertTrue((System.nanoTime() - started) / 1_000_000 < 10_000, "it did not wait out the upstream's 30 s Retry-After");
    }

    @Test
    void connectionRefusedAndTimeoutsFallBackToTheNextTarget() throws Exception {
        fleet.always("b", Reply.hang());
        gateway = TestGateway.builder().config("upstream: { first_byte_timeout: 1500ms, idle_timeout: 1500ms }\n" + fleet.providersYaml()
                + "  down: { type: openai, base_url: \"" + UpstreamFleet.unreachableBaseUrl() + "\", api_key: k }\n"
                + "strategy: { targets: [{ provider: down }, { provider: b }, { provider: c }] }\n").start();

        HttpResponse<String> response = chat();

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("from c", text(response));
        assertEquals("3", response.headers().firstValue("x-gateway-attempts").orElseThrow());
    }

    @Test
    void aRequestTheUpstreamRefusesIsNeitherRetriedNorSentElsewhere() throws Exception {
        fleet.always("a", Reply.status(400, "{\"error\":{\"message\":\"Invalid 'temperature'\",\"type\":\"invalid_request_error\",\"param\":\"temperature\"}}"));
        start("strategy: { targets: [{ provider: a, retry: { attempts: 3 } }, { provider: b }] }\n");

        HttpResponse<String> response = chat();

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Invalid 'temperature'"));
        assertEquals(1, fleet.calls("a"));
        assertEquals(0, fleet.calls("b"));
    }
}
