package io.policygateway.api.routing;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Creates a routing strategy, named by {@code strategy.mode} in the config (e.g.
 * {@code fallback}). Called at start and on reload, once per route that uses the mode.
 */
public interface RoutingStrategyFactory extends ExtensionPoint {

    /** The mode name, e.g. {@code single}, {@code fallback}, {@code loadbalance}. */
    String id();

    /**
     * @param config the route's {@code strategy} section (strategy-specific keys such as
     *     {@code rules} for {@code conditional}); keys the kernel owns (mode, targets) are removed
     */
    RoutingStrategy create(PluginConfig config, PluginContext context);
}
