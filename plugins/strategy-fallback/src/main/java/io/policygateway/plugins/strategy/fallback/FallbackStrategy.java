package io.policygateway.plugins.strategy.fallback;

import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.TargetView;
import java.util.List;

/**
 * Plans every candidate in configured order. The kernel tries them in turn: each with its own
 * retries and backoff, skipping targets whose circuit breaker is open, until one answers.
 * Stateless and thread-safe.
 */
final class FallbackStrategy implements RoutingStrategy {

    @Override
    public List<TargetView> plan(RoutingRequest request, List<TargetView> candidates) {
        return List.copyOf(candidates);
    }
}
