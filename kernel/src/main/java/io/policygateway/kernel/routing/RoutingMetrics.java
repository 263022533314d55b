package io.policygateway.kernel.routing;

import io.policygateway.api.Metrics;
import io.policygateway.api.routing.TargetView.BreakerState;

/**
 * Routing's metrics. Label values are configured route and target names (bounded).
 *
 * <ul>
 *   <li>{@code policy_gateway_routing_attempts_total{route,target,outcome}} — outcome is
 *       {@code success}, {@code failure} (an error worth trying elsewhere), {@code rejected}
 *       (the upstream refused the request itself, e.g. HTTP 400) or {@code circuit_open} (skipped)
 *   <li>{@code policy_gateway_routing_retries_total{route,target}} — further attempts on the same target
 *   <li>{@code policy_gateway_routing_fallbacks_total{route,from,to}} — moves to another target after a failure
 *   <li>{@code policy_gateway_routing_stream_failures_total{route,target}} — streams that broke after their first event
 *   <li>{@code policy_gateway_circuit_breaker_state{route,target}} — 0 closed, 1 open, 2 half-open
 * </ul>
 */
public final class RoutingMetrics {
    private final Metrics.Counter attempts;
    private final Metrics.Counter retries;
    private final Metrics.Counter fallbacks;
    private final Metrics.Counter streamFailures;
    private final Metrics.Gauge breakerState;

    public RoutingMetrics(Metrics metrics) {
        attempts = metrics.counter("routing_attempts_total", "Attempts per routing target, by outcome (success, failure, rejected, circuit_open).",
                "route", "target", "outcome");
        retries = metrics.counter("routing_retries_total", "Further attempts on the same target after a retryable failure.", "route", "target");
        fallbacks = metrics.counter("routing_fallbacks_total", "Moves from a failed target to the next one.", "route", "from", "to");
        streamFailures = metrics.counter("routing_stream_failures_total", "Streams that failed after their first event reached the client.",
                "route", "target");
        breakerState = metrics.gauge("circuit_breaker_state", "Circuit breaker state per target: 0 closed, 1 open, 2 half-open.",
                "route", "target");
    }

    public void attempt(String route, String target, String outcome) {
        attempts.inc(route, target, outcome);
    }

    public void retry(String route, String target) {
        retries.inc(route, target);
    }

    public void fallback(String route, String from, String to) {
        fallbacks.inc(route, from, to);
    }

    public void streamFailure(String route, String target) {
        streamFailures.inc(route, target);
    }

    public void breaker(String route, String target, BreakerState state) {
        double value = switch (state) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
        };
        breakerState.set(value, route, target);
    }
}
