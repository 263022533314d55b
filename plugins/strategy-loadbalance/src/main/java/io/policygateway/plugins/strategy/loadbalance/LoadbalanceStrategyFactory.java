package io.policygateway.plugins.strategy.loadbalance;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.RoutingStrategyFactory;
import java.util.concurrent.ThreadLocalRandom;
import org.pf4j.Extension;

/** {@code strategy.mode: loadbalance} — weighted random choice of target; the others stay as fallbacks. */
@Extension
public final class LoadbalanceStrategyFactory implements RoutingStrategyFactory {

    @Override
    public String id() {
        return "loadbalance";
    }

    @Override
    public RoutingStrategy create(PluginConfig config, PluginContext context) {
        config.requireOnly();
        return new LoadbalanceStrategy(ThreadLocalRandom::current);
    }
}
