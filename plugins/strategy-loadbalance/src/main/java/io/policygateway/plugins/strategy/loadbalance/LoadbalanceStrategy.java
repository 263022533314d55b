package io.policygateway.plugins.strategy.loadbalance;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.TargetView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Orders the candidates by a weighted random draw without replacement (Efraimidis–Spirakis: each
 * target gets the key {@code u^(1/weight)} for a uniform {@code u}, highest first). The first target
 * is therefore chosen with probability {@code weight / sum of weights}; the rest follow as
 * fallbacks, again by weight. Targets of weight 0 come last, in configured order: fallbacks only.
 * Thread-safe (the random source is per thread).
 */
final class LoadbalanceStrategy implements RoutingStrategy {
    private final Supplier<RandomGenerator> random;

    LoadbalanceStrategy(Supplier<RandomGenerator> random) {
        this.random = requireNonNull(random, "random is null");
    }

    private record Keyed(TargetView target, double key, int position) {
    }

    @Override
    public List<TargetView> plan(RoutingRequest request, List<TargetView> candidates) {
        RandomGenerator generator = random.get();
        List<Keyed> keyed = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            TargetView target = candidates.get(i);
            double key = target.weight() > 0 ? Math.pow(generator.nextDouble(), 1.0 / target.weight()) : -1;
            keyed.add(new Keyed(target, key, i));
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key).reversed().thenComparingInt(Keyed::position));
        return keyed.stream().map(Keyed::target).toList();
    }
}
