package io.policygateway.plugins.strategy.loadbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.kernel.routing.UpstreamFleet;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code mode: loadbalance} through a real gateway. */
class LoadbalanceOverHttpTest {
    private static final int REQUESTS = 40;

    @Test
    void spreadsRequestsByWeightAndMovesAFailingTargetsShareToTheOthers() throws Exception {
        try (UpstreamFleet fleet = UpstreamFleet.start("a", "b", "spare")) {
            try (TestGateway gateway = TestGateway.builder().config(fleet.providersYaml() + """
                    strategy:
                      mode: loadbalance
                      circuit_breaker: { enabled: false }
                      targets:
                        - { provider: a, weight: 1 }
                        - { provider: b, weight: 1 }
                        - { provider: spare, weight: 0 }
                    """).start()) {
                for (int i = 0; i < REQUESTS; i++) {
                    assertEquals(200, gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", false)).statusCode());
                }
                assertEquals(REQUESTS, fleet.calls("a") + fleet.calls("b"));
                assertTrue(fleet.calls("a") > 5 && fleet.calls("b") > 5, "both share the traffic: " + fleet.calls("a") + "/" + fleet.calls("b"));
                assertEquals(0, fleet.calls("spare"), "weight 0: fallback only");

                fleet.always("a", Reply.status(503, "{\"error\":{\"message\":\"down\"}}"));
                int servedByB = 0;
                for (int i = 0; i < REQUESTS; i++) {
                    HttpResponse<String> response = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", false));
                    assertEquals(200, response.statusCode());
                    servedByB += response.headers().firstValue("x-gateway-provider").orElseThrow().equals("b") ? 1 : 0;
                }
                assertEquals(REQUESTS, servedByB, "a's share fell back to b");
            }
        }
    }
}
