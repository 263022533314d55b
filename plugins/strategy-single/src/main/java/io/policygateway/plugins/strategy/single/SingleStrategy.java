package io.policygateway.plugins.strategy.single;

import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.TargetView;
import java.util.List;

/**
 * Plans only the first candidate (the first configured target that serves the model and passes
 * the request's compliance rules). Its own {@code retry} still applies; when it fails or its
 * circuit breaker is open the request fails. Stateless and thread-safe.
 */
final class SingleStrategy implements RoutingStrategy {

    @Override
    public List<TargetView> plan(RoutingRequest request, List<TargetView> candidates) {
        return List.of(candidates.get(0));
    }
}
