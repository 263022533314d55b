package io.policygateway.plugins.strategy.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.routing.UpstreamFleet;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A failing target's breaker opens, the target is skipped, and a half-open probe brings it back. */
class CircuitBreakerOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERROR = "{\"error\":{\"message\":\"down\"}}";

    private UpstreamFleet fleet;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        fleet = UpstreamFleet.start("a", "b");
        gateway = TestGateway.builder().config(fleet.providersYaml() + """
                strategy:
                  mode: fallback
                  circuit_breaker: { failure_threshold: 2, window: 10s, cooldown: 300ms }
                  targets: [{ provider: a }, { provider: b }]
                """).start();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        fleet.close();
    }

    private String servedBy() {
        HttpResponse<String> response = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", false));
        assertEquals(200, response.statusCode(), response.body());
        return response.headers().firstValue("x-gateway-provider").orElseThrow();
    }

    private JsonNode targetHealth(String target) throws Exception {
        return JSON.readTree(gateway.get("/health").body()).at("/routes/default/targets/" + target);
    }

    @Test
    void opensAfterTheThresholdSkipsTheTargetAndClosesAfterASuccessfulProbe() throws Exception {
        fleet.always("a", Reply.status(503, ERROR));
        assertEquals("b", servedBy());
        assertEquals("b", servedBy());
        assertEquals(2, fleet.calls("a"));
        assertEquals("open", targetHealth("a").path("circuit_breaker").asText());
        assertTrue(targetHealth("a").path("last_error").asText().contains("HTTP 503"));

        assertEquals("b", servedBy());
        assertEquals(2, fleet.calls("a"), "an open breaker skips the target without calling it");
        String metrics = gateway.get("/metrics").body();
        assertTrue(metrics.contains("policy_gateway_circuit_breaker_state{route=\"default\",target=\"a\",} 1.0"), metrics);
        assertTrue(metrics.contains("policy_gateway_routing_attempts_total{route=\"default\",target=\"a\",outcome=\"circuit_open\",} 1.0"));
        assertTrue(metrics.contains("policy_gateway_routing_fallbacks_total{route=\"default\",from=\"a\",to=\"b\",} 2.0"));
        assertEquals("degraded", JSON.readTree(gateway.get("/health").body()).path("status").asText());

        fleet.always("a", UpstreamFleet.completion("a"));
        Thread.sleep(350);
        assertEquals("half_open", targetHealth("a").path("circuit_breaker").asText());
        assertEquals("a", servedBy(), "after the cooldown one probe goes to the target");
        assertEquals("closed", targetHealth("a").path("circuit_breaker").asText());
        assertEquals("a", servedBy());
        assertTrue(gateway.get("/metrics").body().contains("policy_gateway_circuit_breaker_state{route=\"default\",target=\"a\",} 0.0"));
    }

    @Test
    void aFailedProbeKeepsTheTargetOutForAnotherCooldown() throws Exception {
        fleet.always("a", Reply.status(500, ERROR));
        servedBy();
        servedBy();
        Thread.sleep(350);
        assertEquals("b", servedBy(), "the probe failed and the request fell back");
        assertEquals(3, fleet.calls("a"));
        assertEquals("open", targetHealth("a").path("circuit_breaker").asText());
        assertEquals("b", servedBy());
        assertEquals(3, fleet.calls("a"));
    }

    @Test
    void whenEveryTargetIsOpenTheCallerGets503WithRetryAfter() throws Exception {
        fleet.always("a", Reply.status(500, ERROR)).always("b", Reply.status(500, ERROR));
        gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", false));
        gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", false));

        HttpResponse<String> response = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", false));

        assertEquals(503, response.statusCode());
        assertEquals("1", response.headers().firstValue("retry-after").orElseThrow());
        assertTrue(response.body().contains("No target of route 'default' is available: a: skipped, circuit breaker open"), response.body());
        assertEquals(2, fleet.calls("a"));
        assertEquals(2, fleet.calls("b"));
    }
}
