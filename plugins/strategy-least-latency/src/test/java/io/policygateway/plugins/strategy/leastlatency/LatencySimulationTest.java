package io.policygateway.plugins.strategy.leastlatency;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.routing.AttemptOutcome;
import io.policygateway.api.routing.TargetView;
import io.policygateway.kernel.routing.LatencyConfig;
import io.policygateway.kernel.routing.LatencyWindow;
import io.policygateway.kernel.routing.StrategyFixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The strategy fed by the kernel's rolling latency windows, over simulated traffic: it converges on
 * the faster target and, when the targets trade places, returns to the one that recovered.
 */
class LatencySimulationTest {
    private static final int REQUESTS_PER_PHASE = 400;

    private final Random random = new Random(4242);
    private final LeastLatencyStrategy strategy = new LeastLatencyStrategy(0.1, 3, () -> random);
    private final Map<String, LatencyWindow> windows = new LinkedHashMap<>();

    private TargetView view(String id) {
        LatencyWindow.Median median = windows.get(id).median();
        TargetView base = StrategyFixtures.target(id);
        return new TargetView(id, id, base.model(), 1, base.region(), base.labels(), base.inputPricePerMillion(),
                base.outputPricePerMillion(), median.millis(), median.samples(), base.breaker());
    }

    /** Sends requests with the given latencies per target; returns each target's share of the last quarter. */
    private Map<String, Double> run(Map<String, Double> latencies) {
        Map<String, Integer> lastQuarter = new LinkedHashMap<>();
        for (int i = 0; i < REQUESTS_PER_PHASE; i++) {
            List<TargetView> candidates = windows.keySet().stream().map(this::view).toList();
            TargetView chosen = strategy.plan(StrategyFixtures.request("gpt-4o"), candidates).get(0);
            double latency = latencies.get(chosen.id()) * (0.9 + 0.2 * random.nextDouble());
            windows.get(chosen.id()).record(latency);
            strategy.record(chosen, new AttemptOutcome(true, latency, 200, Optional.empty()));
            if (i >= REQUESTS_PER_PHASE * 3 / 4) {
                lastQuarter.merge(chosen.id(), 1, Integer::sum);
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        lastQuarter.forEach((id, count) -> shares.put(id, count / (REQUESTS_PER_PHASE / 4.0)));
        return shares;
    }

    @Test
    void convergesOnTheFasterTargetAndReturnsToTheOneThatRecovered() {
        for (String id : List.of("a", "b")) {
            windows.put(id, new LatencyWindow(new LatencyConfig(20, Duration.ofMinutes(5)), Clock.systemUTC()));
        }
        Map<String, Double> first = run(Map.of("a", 400.0, "b", 80.0));
        assertTrue(first.getOrDefault("b", 0.0) > 0.8, "b is faster and gets most traffic: " + first);

        Map<String, Double> second = run(Map.of("a", 60.0, "b", 700.0));
        assertTrue(second.getOrDefault("a", 0.0) > 0.8, "a recovered and b slowed down: traffic returned to a: " + second);
    }
}
