package io.policygateway.kernel.routing;

import java.util.List;

/**
 * The kernel's keys of a {@code strategy:} section. Every other key of the section belongs to the
 * strategy plugin named by {@code mode} and is checked by it.
 *
 * @param mode the routing strategy plugin's id, default {@code fallback}
 * @param targets where requests may go, in preference order; at least one
 * @param retry the default {@code retry} of every target
 * @param circuitBreaker the default {@code circuit_breaker} of every target
 * @param latency the rolling latency window of every target
 */
public record StrategyConfig(String mode, List<TargetConfig> targets, RetryConfig retry, BreakerConfig circuitBreaker,
        LatencyConfig latency) {
    /** Keys of a strategy section the kernel owns; the rest go to the plugin. */
    static final List<String> KERNEL_KEYS = List.of("mode", "targets", "retry", "circuit_breaker", "latency");

    public StrategyConfig {
        mode = mode == null ? "fallback" : mode;
        if (mode.isBlank()) {
            throw new IllegalArgumentException("mode must not be empty");
        }
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("targets is required: list at least one target (provider: <name>)");
        }
        targets = List.copyOf(targets);
        retry = retry == null ? RetryConfig.defaults() : retry;
        circuitBreaker = circuitBreaker == null ? BreakerConfig.defaults() : circuitBreaker;
        latency = latency == null ? LatencyConfig.defaults() : latency;
    }
}
