package io.policygateway.plugins.strategy.fallback;

import static io.policygateway.kernel.routing.StrategyFixtures.ids;
import static io.policygateway.kernel.routing.StrategyFixtures.request;
import static io.policygateway.kernel.routing.StrategyFixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.kernel.routing.ExtensionIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackStrategyTest {

    @Test
    void plansEveryCandidateInConfiguredOrder() {
        RoutingStrategy strategy = new FallbackStrategyFactory().create(PluginConfig.empty("strategy"), null);
        assertEquals(List.of("b", "a", "c"), ids(strategy.plan(request("gpt-4o"), List.of(target("b"), target("a"), target("c")))));
    }

    @Test
    void isListedAsAPluginExtensionUnderTheModeName() {
        assertTrue(ExtensionIndex.listed(getClass().getClassLoader()).contains(FallbackStrategyFactory.class.getName()));
        assertEquals("fallback", new FallbackStrategyFactory().id());
    }
}
