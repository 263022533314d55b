package io.policygateway.kernel.routing;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One entry of {@code targets:}.
 *
 * @param id the target's name in rules, metrics and {@code /health}; default the provider name,
 *     suffixed {@code #2}, {@code #3}… when the provider appears again in the same strategy
 * @param provider the provider name (as in {@code providers:}, or a discovered provider's id)
 * @param model the model to ask this target for instead of the requested one, if any
 * @param weight the share of traffic under {@code loadbalance}, default 1; 0 keeps the target as
 *     a fallback only
 * @param region where the target processes data, for data-residency policies, if known
 * @param labels free-form labels strategies and policies may read
 * @param retry the target's retry policy; default the strategy's {@code retry}
 * @param circuitBreaker the target's breaker; default the strategy's {@code circuit_breaker}
 */
public record TargetConfig(String id, String provider, String model, Integer weight, String region, Map<String, String> labels,
        RetryConfig retry, BreakerConfig circuitBreaker) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:#/-]*");

    public TargetConfig {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("provider is required (the name of an enabled provider)");
        }
        if (id != null && !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' must be letters, digits and . _ : # / - (no spaces)");
        }
        if (model != null && model.isBlank()) {
            throw new IllegalArgumentException("model must not be empty (leave it out to send the requested model)");
        }
        weight = weight == null ? 1 : weight;
        if (weight < 0 || weight > 1_000_000) {
            throw new IllegalArgumentException("weight must be between 0 and 1000000, got " + weight);
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
