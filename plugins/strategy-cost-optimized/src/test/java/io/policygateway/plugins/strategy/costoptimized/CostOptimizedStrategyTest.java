package io.policygateway.plugins.strategy.costoptimized;

import static io.policygateway.kernel.routing.StrategyFixtures.ids;
import static io.policygateway.kernel.routing.StrategyFixtures.priced;
import static io.policygateway.kernel.routing.StrategyFixtures.request;
import static io.policygateway.kernel.routing.StrategyFixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.TargetView;
import io.policygateway.kernel.routing.ExtensionIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostOptimizedStrategyTest {
    private final RoutingStrategy strategy = new CostOptimizedStrategyFactory().create(PluginConfig.empty("strategy"), null);
    private final PolicyContext context = PolicyContext.anonymous("t");

    @Test
    void ordersTargetsByEstimatedCostCheapestFirst() {
        List<TargetView> targets = List.of(priced("big", "gpt-4o", 2.50, 10.00), priced("small", "gpt-4o-mini", 0.15, 0.60),
                priced("mid", "gpt-4.1-mini", 0.40, 1.60));
        assertEquals(List.of("small", "mid", "big"), ids(strategy.plan(request("gpt-4o"), targets)));
    }

    @Test
    void weighsInputAndOutputTokensAsTheRequestIsShaped() {
        TargetView cheapInput = priced("cheap-input", "m1", 0.10, 8.00);
        TargetView cheapOutput = priced("cheap-output", "m2", 1.00, 1.00);
        List<TargetView> targets = List.of(cheapInput, cheapOutput);
        assertEquals("cheap-input", strategy.plan(request("m", "m", context, 100_000, 100), targets).get(0).id(),
                "a long prompt with a short answer");
        assertEquals("cheap-output", strategy.plan(request("m", "m", context, 100, 4_000), targets).get(0).id(),
                "a short prompt with a long answer");
    }

    @Test
    void triesUnpricedTargetsLastOrNeverWhenAskedToSkipThem() {
        List<TargetView> targets = List.of(target("unknown"), priced("known", "gpt-4o", 2.50, 10.00));
        assertEquals(List.of("known", "unknown"), ids(strategy.plan(request("gpt-4o"), targets)));
        RoutingStrategy skipping = new CostOptimizedStrategyFactory().create(
                new PluginConfig("conf/gateway.yaml", "strategy", JsonNodeFactory.instance.objectNode().put("unpriced", "skip")), null);
        assertEquals(List.of("known"), ids(skipping.plan(request("gpt-4o"), targets)));
        assertEquals(List.of("unknown"), ids(skipping.plan(request("gpt-4o"), List.of(target("unknown")))),
                "with no price at all, the targets are still tried rather than failing the request");
    }

    @Test
    void refusesAnUnknownUnpricedPolicy() {
        PluginConfig config = new PluginConfig("conf/gateway.yaml", "strategy", JsonNodeFactory.instance.objectNode().put("unpriced", "free"));
        ConfigException e = assertThrows(ConfigException.class, () -> new CostOptimizedStrategyFactory().create(config, null));
        assertTrue(e.getMessage().startsWith("conf/gateway.yaml: strategy.unpriced: expected 'last'"), e.getMessage());
    }

    @Test
    void isListedAsAPluginExtensionUnderTheModeName() {
        assertTrue(ExtensionIndex.listed(getClass().getClassLoader()).contains(CostOptimizedStrategyFactory.class.getName()));
        assertEquals("cost-optimized", new CostOptimizedStrategyFactory().id());
    }
}
