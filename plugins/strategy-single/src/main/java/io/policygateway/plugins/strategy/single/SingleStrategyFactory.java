package io.policygateway.plugins.strategy.single;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.RoutingStrategyFactory;
import org.pf4j.Extension;

/** {@code strategy.mode: single} — always the first target that can serve the request; no fallback. */
@Extension
public final class SingleStrategyFactory implements RoutingStrategyFactory {

    @Override
    public String id() {
        return "single";
    }

    @Override
    public RoutingStrategy create(PluginConfig config, PluginContext context) {
        config.requireOnly();
        return new SingleStrategy();
    }
}
