package io.policygateway.plugins.strategy.conditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.kernel.routing.UpstreamFleet;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code mode: conditional} through a real gateway. */
class ConditionalOverHttpTest {
    private static final String RULES = """
            strategy:
              mode: conditional
              targets:
                - { provider: general }
                - { provider: premium }
                - { provider: general, model: gpt-4o-mini, id: mini }
              rules:
                - when: { headers: { x-customer-tier: gold } }
                  then: { target: premium }
                - when: { model_prefix: "gpt-3.5" }
                  then: { target: mini }
              default: general
            """;

    private static String providerFor(TestGateway gateway, String model, String... headers) {
        HttpResponse<String> response = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest(model, "hi", false), headers);
        assertEquals(200, response.statusCode(), response.body());
        return response.headers().firstValue("x-gateway-provider").orElseThrow() + " " + response.headers().firstValue("x-gateway-model").orElseThrow();
    }

    @Test
    void rulesOnHeadersAndModelPrefixPickTheTarget() throws Exception {
        try (UpstreamFleet fleet = UpstreamFleet.start("general", "premium");
                TestGateway gateway = TestGateway.builder().config(fleet.providersYaml() + RULES).start()) {
            assertEquals("premium gpt-4o", providerFor(gateway, "gpt-4o", "x-customer-tier", "gold"));
            assertEquals("general gpt-4o-mini", providerFor(gateway, "gpt-3.5-turbo"), "the target's own model is asked");
            assertEquals("general gpt-4o", providerFor(gateway, "gpt-4o"));
        }
    }

    @Test
    void aRuleNamingAMissingTargetStopsTheGatewayFromStarting() throws Exception {
        try (UpstreamFleet fleet = UpstreamFleet.start("general", "premium")) {
            ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> TestGateway.builder()
                    .config(fleet.providersYaml() + RULES.replace("target: premium", "target: premuim")).start());
            assertTrue(e.getMessage().contains("strategy.rules[0].then.target: no target 'premuim' in this route"), e.getMessage());
        }
    }
}
