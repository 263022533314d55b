package io.policygateway.plugins.strategy.costoptimized;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.RoutingStrategyFactory;
import org.pf4j.Extension;

/**
 * {@code strategy.mode: cost-optimized} — the cheapest compatible target for the request's
 * estimated tokens, from the gateway's model price catalogue.
 */
@Extension
public final class CostOptimizedStrategyFactory implements RoutingStrategyFactory {

    @Override
    public String id() {
        return "cost-optimized";
    }

    @Override
    public RoutingStrategy create(PluginConfig config, PluginContext context) {
        config.requireOnly("unpriced");
        String unpriced = config.string("unpriced", "last");
        return switch (unpriced) {
            case "last" -> new CostOptimizedStrategy(true);
            case "skip" -> new CostOptimizedStrategy(false);
            default -> throw config.error("unpriced", "expected 'last' (try unpriced targets after priced ones) or 'skip', got '"
                    + unpriced + "'");
        };
    }
}
