package io.policygateway.plugins.strategy.leastlatency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.policygateway.kernel.routing.UpstreamFleet;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mode: least-latency} through a real gateway with upstreams that answer slowly. */
class LeastLatencyOverHttpTest {
    private static final long SLOW_MILLIS = 120;

    private static Reply slow(String name) {
        Reply answer = UpstreamFleet.completion(name);
        return (response, out, released) -> {
            Thread.sleep(SLOW_MILLIS);
            answer.write(response, out, released);
        };
    }

    private static List<String> servedBy(TestGateway gateway, int requests) {
        List<String> providers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            providers.add(gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", false))
                    .headers().firstValue("x-gateway-provider").orElseThrow());
        }
        return providers;
    }

    @Test
    void measuresEachTargetThenPrefersTheFasterAndMeasuresAgainOnceSamplesAreStale() throws Exception {
        try (UpstreamFleet fleet = UpstreamFleet.start("a", "b")) {
            fleet.always("a", slow("a"));
            try (TestGateway gateway = TestGateway.builder().config(fleet.providersYaml() + """
                    strategy:
                      mode: least-latency
                      exploration: 0
                      min_samples: 1
                      latency: { samples: 5, max_age: 500ms }
                      targets: [{ provider: a }, { provider: b }]
                    """).start()) {
                warmUp(gateway);
                assertEquals(List.of("a", "b", "b", "b"), servedBy(gateway, 4), "each measured once, then the faster one");

                fleet.always("a", UpstreamFleet.completion("a"));
                fleet.always("b", slow("b"));
                Thread.sleep(550);
                assertEquals(List.of("a", "b", "a", "a"), servedBy(gateway, 4),
                        "stale samples are forgotten: both are measured afresh and the recovered target wins");
            }
        }
    }

    /** Pinned provider/model requests bypass routing: they warm the gateway and its connections without leaving samples. */
    private static void warmUp(TestGateway gateway) {
        for (String pinned : List.of("a/gpt-4o-mini", "b/gpt-4o-mini")) {
            assertEquals(200, gateway.post("/v1/chat/completions", OpenAiWire.chatRequest(pinned, "hi", false)).statusCode());
        }
    }
}
