package io.policygateway.plugins.strategy.leastlatency;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.RoutingStrategyFactory;
import java.util.concurrent.ThreadLocalRandom;
import org.pf4j.Extension;

/**
 * {@code strategy.mode: least-latency} — the target with the lowest rolling median latency (time
 * to first byte for streams), exploring the others now and then.
 */
@Extension
public final class LeastLatencyStrategyFactory implements RoutingStrategyFactory {
    static final double DEFAULT_EXPLORATION = 0.1;
    static final long DEFAULT_MIN_SAMPLES = 3;

    @Override
    public String id() {
        return "least-latency";
    }

    @Override
    public RoutingStrategy create(PluginConfig config, PluginContext context) {
        config.requireOnly("exploration", "min_samples");
        double exploration = config.decimal("exploration", DEFAULT_EXPLORATION);
        if (exploration < 0 || exploration > 0.5) {
            throw config.error("exploration", "must be between 0 and 0.5 (a share of requests), got " + exploration);
        }
        long minSamples = config.number("min_samples", DEFAULT_MIN_SAMPLES);
        if (minSamples < 1 || minSamples > 1000) {
            throw config.error("min_samples", "must be between 1 and 1000, got " + minSamples);
        }
        return new LeastLatencyStrategy(exploration, minSamples, ThreadLocalRandom::current);
    }
}
