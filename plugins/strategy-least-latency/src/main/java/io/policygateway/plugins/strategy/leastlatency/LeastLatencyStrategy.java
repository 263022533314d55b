package io.policygateway.plugins.strategy.leastlatency;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.routing.AttemptOutcome;
import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.TargetView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Orders the candidates by the kernel's rolling median latency (P50 of each target's recent
 * successful attempts; time to the first event for streams), fastest first:
 * <ol>
 *   <li>targets with fewer than {@code min_samples} fresh samples come first (in configured order),
 *       so a new target — or one unused long enough for its samples to age out of the window — is
 *       measured;
 *   <li>then measured targets, lowest median first;
 *   <li>then targets whose last attempt failed (until one succeeds again), in configured order.
 * </ol>
 * With probability {@code exploration}, a random other target is moved to the front, so a slow or
 * failed target that has recovered is noticed and wins traffic back. The rest stay as fallbacks.
 * Thread-safe.
 */
final class LeastLatencyStrategy implements RoutingStrategy {
    private final double exploration;
    private final long minSamples;
    private final Supplier<RandomGenerator> random;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    LeastLatencyStrategy(double exploration, long minSamples, Supplier<RandomGenerator> random) {
        this.exploration = exploration;
        this.minSamples = minSamples;
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    public List<TargetView> plan(RoutingRequest request, List<TargetView> candidates) {
        List<TargetView> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparingInt(this::group).thenComparingDouble(this::rank));
        if (ordered.size() > 1 && exploration > 0) {
            RandomGenerator generator = random.get();
            if (generator.nextDouble() < exploration) {
                TargetView explored = ordered.remove(1 + generator.nextInt(ordered.size() - 1));
                ordered.add(0, explored);
            }
        }
        return List.copyOf(ordered);
    }

    @Override
    public void record(TargetView target, AttemptOutcome outcome) {
        if (outcome.success()) {
            failing.remove(target.id());
        } else if (countsAgainstTarget(outcome.status())) {
            failing.add(target.id());
        }
    }

    /** 0 not measured enough, 1 measured, 2 last attempt failed. */
    private int group(TargetView target) {
        if (failing.contains(target.id())) {
            return 2;
        }
        return target.samples() < minSamples || target.latencyP50Millis().isEmpty() ? 0 : 1;
    }

    /** Within the measured group the median decides; the other groups keep configured order. */
    private double rank(TargetView target) {
        return group(target) == 1 ? target.latencyP50Millis().getAsDouble() : 0;
    }

    /** Connection errors, timeouts, rate limits and server errors; not the caller's own bad requests. */
    private static boolean countsAgainstTarget(int status) {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}
