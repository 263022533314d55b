package io.policygateway.plugins.strategy.fallback;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.RoutingStrategyFactory;
import org.pf4j.Extension;

/** {@code strategy.mode: fallback} — targets in configured order; the next one when a target fails. */
@Extension
public final class FallbackStrategyFactory implements RoutingStrategyFactory {

    @Override
    public String id() {
        return "fallback";
    }

    @Override
    public RoutingStrategy create(PluginConfig config, PluginContext context) {
        config.requireOnly();
        return new FallbackStrategy();
    }
}
