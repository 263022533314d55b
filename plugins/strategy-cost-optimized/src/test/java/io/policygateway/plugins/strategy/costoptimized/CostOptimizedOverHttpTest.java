package io.policygateway.plugins.strategy.costoptimized;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.policygateway.kernel.routing.UpstreamFleet;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code mode: cost-optimized} through a real gateway, priced by the shipped catalogue and config overrides. */
class CostOptimizedOverHttpTest {
    private static final String TARGETS = """
            strategy:
              mode: cost-optimized
              targets:
                - { provider: a, model: gpt-4o }
                - { provider: b, model: gpt-4.1-nano }
                - { provider: c, model: gpt-4o-mini }
            """;

    private static String served(TestGateway gateway) {
        HttpResponse<String> response = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o", "hi", false));
        assertEquals(200, response.statusCode(), response.body());
        return response.headers().firstValue("x-gateway-provider").orElseThrow() + " " + response.headers().firstValue("x-gateway-model").orElseThrow();
    }

    @Test
    void sendsTheRequestToTheCheapestTargetAndFallsBackToTheNextCheapest() throws Exception {
        try (UpstreamFleet fleet = UpstreamFleet.start("a", "b", "c");
                TestGateway gateway = TestGateway.builder().config(fleet.providersYaml() + TARGETS).start()) {
            assertEquals("b gpt-4.1-nano", served(gateway), "0.10/0.40 per 1M beats 0.15/0.60 and 2.50/10.00");

            fleet.always("b", Reply.status(503, "{\"error\":{\"message\":\"down\"}}"));
            assertEquals("c gpt-4o-mini", served(gateway));
        }
    }

    @Test
    void pricesInTheConfigOverrideTheCatalogue() throws Exception {
        try (UpstreamFleet fleet = UpstreamFleet.start("a", "b", "c");
                TestGateway gateway = TestGateway.builder().config(fleet.providersYaml() + TARGETS + """
                        models:
                          prices:
                            a: { gpt-4o: { input: 0.01, output: 0.01, as_of: "2026-01-01" } }
                        """).start()) {
            assertEquals("a gpt-4o", served(gateway), "a negotiated price for provider a makes it the cheapest");
        }
    }
}
