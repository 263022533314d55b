package io.policygateway.plugins.strategy.costoptimized;

import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.TargetView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders priced candidates by estimated cost —
 * {@code input tokens × input price + output tokens × output price} (prices per 1M tokens, as the
 * kernel's catalogue gives them for each target's own model) — cheapest first, ties in configured
 * order. Targets without a price follow in configured order, or are left out with
 * {@code unpriced: skip} (unless no target is priced: then all are tried in configured order).
 * The candidates the kernel passes already serve the request's model and format. Stateless.
 */
final class CostOptimizedStrategy implements RoutingStrategy {
    private final boolean keepUnpriced;

    CostOptimizedStrategy(boolean keepUnpriced) {
        this.keepUnpriced = keepUnpriced;
    }

    private record Costed(TargetView target, double cost, int position) {
    }

    @Override
    public List<TargetView> plan(RoutingRequest request, List<TargetView> candidates) {
        List<Costed> priced = new ArrayList<>();
        List<TargetView> unpriced = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            TargetView target = candidates.get(i);
            if (target.inputPricePerMillion().isPresent() && target.outputPricePerMillion().isPresent()) {
                priced.add(new Costed(target, estimatedCost(request, target), i));
            } else {
                unpriced.add(target);
            }
        }
        if (priced.isEmpty()) {
            return List.copyOf(candidates);
        }
        priced.sort(Comparator.comparingDouble(Costed::cost).thenComparingInt(Costed::position));
        List<TargetView> plan = new ArrayList<>(priced.stream().map(Costed::target).toList());
        if (keepUnpriced) {
            plan.addAll(unpriced);
        }
        return List.copyOf(plan);
    }

    /** USD for the request's estimated tokens at this target. */
    static double estimatedCost(RoutingRequest request, TargetView target) {
        return (request.estimatedInputTokens() * target.inputPricePerMillion().getAsDouble()
                + request.estimatedOutputTokens() * target.outputPricePerMillion().getAsDouble()) / 1_000_000d;
    }
}
