package io.policygateway.api.routing;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A read-only snapshot of one routing target, as a strategy sees it.
 *
 * @param id unique within its route, e.g. {@code openai} or {@code openai#2}
 * @param provider the provider name
 * @param model the model the target asks for (its override, or the requested model)
 * @param weight the configured weight (loadbalance), default 1
 * @param region the target's region, if configured
 * @param labels free-form labels from the config
 * @param inputPricePerMillion USD per 1M input tokens for {@code model}, if priced
 * @param outputPricePerMillion USD per 1M output tokens for {@code model}, if priced
 * @param latencyP50Millis rolling median latency (time to first byte for streams), if measured
 * @param samples how many latency samples back that median
 * @param breaker the circuit breaker's state
 */
public record TargetView(String id, String provider, String model, int weight, Optional<String> region,
        Map<String, String> labels, OptionalDouble inputPricePerMillion, OptionalDouble outputPricePerMillion,
        OptionalDouble latencyP50Millis, long samples, BreakerState breaker) {

    public TargetView {
        requireNonNull(id, "id is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(model, "model is null");
        requireNonNull(region, "region is null");
        labels = Map.copyOf(labels);
        requireNonNull(inputPricePerMillion, "inputPricePerMillion is null");
        requireNonNull(outputPricePerMillion, "outputPricePerMillion is null");
        requireNonNull(latencyP50Millis, "latencyP50Millis is null");
        requireNonNull(breaker, "breaker is null");
    }

    /** Circuit breaker states. */
    public enum BreakerState {
        CLOSED, OPEN, HALF_OPEN
    }
}
