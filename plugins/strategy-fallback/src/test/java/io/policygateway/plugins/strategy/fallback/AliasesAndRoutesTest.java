package io.policygateway.plugins.strategy.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.routing.AccessLogs;
import io.policygateway.kernel.routing.UpstreamFleet;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Aliases resolve before routing; named routes take their models, the default route the rest. */
class AliasesAndRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UpstreamFleet fleet;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        fleet = UpstreamFleet.start("a", "b", "c");
        gateway = TestGateway.builder().config(fleet.providersYaml() + """
                models:
                  aliases: { smart: gpt-4o, cheap: gpt-4o-mini }
                strategy:
                  targets: [{ provider: a }]
                routes:
                  - name: smart-pool
                    match: { models: ["gpt-4o", "gpt-4.1*"] }
                    strategy:
                      mode: fallback
                      targets:
                        - { provider: b, model: gpt-4.1 }
                        - { provider: c }
                """).start();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        fleet.close();
    }

    private HttpResponse<String> chat(String model) {
        return gateway.post("/v1/chat/completions", OpenAiWire.chatRequest(model, "hi", false));
    }

    @Test
    void anAliasResolvesBeforeRoutingAndTheTargetsModelOverrideIsWhatIsAsked() throws Exception {
        HttpResponse<String> response = chat("smart");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("b", response.headers().firstValue("x-gateway-provider").orElseThrow());
        assertEquals("gpt-4.1", response.headers().firstValue("x-gateway-model").orElseThrow());
        JsonNode sent = JSON.readTree(fleet.upstream("b").lastRequest().body());
        assertEquals("gpt-4.1", sent.path("model").asText());
        AccessLogs.await(gateway, line -> line.contains("\"requested_model\":\"smart\"") && line.contains("\"model\":\"gpt-4.1\""));
    }

    @Test
    void modelsNoNamedRouteTakesGoToTheDefaultRoute() throws Exception {
        HttpResponse<String> response = chat("cheap");

        assertEquals("a", response.headers().firstValue("x-gateway-provider").orElseThrow());
        assertEquals("gpt-4o-mini", JSON.readTree(fleet.upstream("a").lastRequest().body()).path("model").asText());
    }

    @Test
    void aProviderPrefixedModelPinsItsProvider() throws Exception {
        HttpResponse<String> response = chat("c/gpt-4o-mini");

        assertEquals("c", response.headers().firstValue("x-gateway-provider").orElseThrow());
        assertEquals(0, fleet.calls("a"));
    }

    @Test
    void healthShowsEveryRouteWithItsModeModelsAndTargets() throws Exception {
        JsonNode routes = JSON.readTree(gateway.get("/health").body()).path("routes");

        assertEquals("fallback", routes.at("/smart-pool/mode").asText());
        assertEquals("gpt-4o", routes.at("/smart-pool/models/0").asText());
        assertEquals("gpt-4.1", routes.at("/smart-pool/targets/b/model").asText());
        assertEquals("closed", routes.at("/default/targets/a/circuit_breaker").asText());
    }
}
