package io.policygateway.plugins.strategy.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.routing.UpstreamFleet;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streams: a target that fails before its first event is replaced without the caller noticing; a
 * stream that breaks after that ends with a terminal error event and counts against the target.
 */
class StreamFailoverTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UpstreamFleet fleet;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        fleet = UpstreamFleet.start("a", "b");
        fleet.always("b", Reply.sse(OpenAiWire.streamFrames("gpt-4o-mini", List.of("from ", "b"), true, 5, 2), 0));
        gateway = TestGateway.builder().config("upstream: { first_byte_timeout: 500ms, idle_timeout: 300ms }\n" + fleet.providersYaml() + """
                strategy:
                  mode: fallback
                  circuit_breaker: { failure_threshold: 1, cooldown: 30s }
                  targets: [{ provider: a }, { provider: b }]
                """).start();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        fleet.close();
    }

    private HttpResponse<String> stream() {
        return gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", true));
    }

    private String breakerOf(String target) throws Exception {
        return JSON.readTree(gateway.get("/health").body()).at("/routes/default/targets/" + target + "/circuit_breaker").asText();
    }

    @Test
    void aStreamCutBeforeItsFirstEventFallsBackTransparently() throws Exception {
        fleet.upstream("a").enqueue(Reply.sseThenCut(List.of()));

        HttpResponse<String> response = stream();

        assertEquals(200, response.statusCode());
        assertEquals("b", response.headers().firstValue("x-gateway-provider").orElseThrow());
        assertEquals("2", response.headers().firstValue("x-gateway-attempts").orElseThrow());
        assertTrue(response.body().contains("\"content\":\"from \""), response.body());
        assertTrue(response.body().strip().endsWith("data: [DONE]"), "a complete stream from the second target");
        assertFalse(response.body().contains("error"), response.body());
    }

    @Test
    void aStreamStalledBeforeItsFirstEventFallsBackTransparently() throws Exception {
        fleet.upstream("a").enqueue(Reply.sseThenStall(List.of()));

        HttpResponse<String> response = stream();

        assertEquals(200, response.statusCode());
        assertEquals("b", response.headers().firstValue("x-gateway-provider").orElseThrow());
        assertTrue(response.body().strip().endsWith("data: [DONE]"));
    }

    @Test
    void aStreamBrokenAfterItsFirstEventEndsWithAnErrorEventAndCountsAgainstTheTarget() throws Exception {
        List<String> frames = OpenAiWire.streamFrames("gpt-4o-mini", List.of("from ", "a"), true, 5, 2);
        fleet.upstream("a").enqueue(Reply.sseThenCut(frames.subList(0, 2)));

        HttpResponse<String> response = stream();

        assertEquals(200, response.statusCode());
        assertEquals("a", response.headers().firstValue("x-gateway-provider").orElseThrow());
        assertTrue(response.body().contains("\"content\":\"from \""), "the events already relayed reached the caller");
        assertFalse(response.body().contains("[DONE]"), "never a clean end after a failure");
        assertTrue(response.body().contains("\"error\""), response.body());
        assertEquals(1, fleet.calls("a"));
        assertEquals(0, fleet.calls("b"), "no fallback once the caller has part of an answer");
        assertEquals("open", breakerOf("a"), "the broken stream counted as a failure of the target");
        assertTrue(gateway.get("/metrics").body().contains("policy_gateway_routing_stream_failures_total{route=\"default\",target=\"a\",} 1.0"));

        assertEquals("b", stream().headers().firstValue("x-gateway-provider").orElseThrow());
    }

    @Test
    void aStreamStalledMidWayIsAFailureOfTheTarget() throws Exception {
        List<String> frames = OpenAiWire.streamFrames("gpt-4o-mini", List.of("from ", "a"), true, 5, 2);
        fleet.upstream("a").enqueue(Reply.sseThenStall(frames.subList(0, 2)));

        HttpResponse<String> response = stream();

        assertTrue(response.body().contains("\"error\""), response.body());
        assertFalse(response.body().contains("[DONE]"));
        assertEquals("open", breakerOf("a"));
    }
}
