package io.policygateway.plugins.strategy.single;

import static io.policygateway.kernel.routing.StrategyFixtures.ids;
import static io.policygateway.kernel.routing.StrategyFixtures.request;
import static io.policygateway.kernel.routing.StrategyFixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.kernel.routing.ExtensionIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class SingleStrategyTest {
    private final RoutingStrategy strategy = new SingleStrategyFactory().create(PluginConfig.empty("strategy"), null);

    @Test
    void plansOnlyTheFirstCandidate() {
        assertEquals(List.of("a"), ids(strategy.plan(request("gpt-4o"), List.of(target("a"), target("b")))));
        assertEquals(List.of("b"), ids(strategy.plan(request("gpt-4o"), List.of(target("b")))));
    }

    @Test
    void refusesKeysItDoesNotHave() {
        PluginConfig config = new PluginConfig("conf/gateway.yaml", "strategy", JsonNodeFactory.instance.objectNode().put("rules", 1));
        ConfigException e = assertThrows(ConfigException.class, () -> new SingleStrategyFactory().create(config, null));
        assertTrue(e.getMessage().startsWith("conf/gateway.yaml: strategy.rules: unknown key"), e.getMessage());
    }

    @Test
    void isListedAsAPluginExtensionUnderTheModeName() {
        assertTrue(ExtensionIndex.listed(getClass().getClassLoader()).contains(SingleStrategyFactory.class.getName()));
        assertEquals("single", new SingleStrategyFactory().id());
    }
}
