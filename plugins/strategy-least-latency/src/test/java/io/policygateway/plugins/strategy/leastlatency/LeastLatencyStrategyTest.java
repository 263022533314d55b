package io.policygateway.plugins.strategy.leastlatency;

import static io.policygateway.kernel.routing.StrategyFixtures.ids;
import static io.policygateway.kernel.routing.StrategyFixtures.measured;
import static io.policygateway.kernel.routing.StrategyFixtures.request;
import static io.policygateway.kernel.routing.StrategyFixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.routing.AttemptOutcome;
import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.TargetView;
import io.policygateway.kernel.routing.ExtensionIndex;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeastLatencyStrategyTest {
    private final RoutingRequest request = request("gpt-4o");

    private static LeastLatencyStrategy withoutExploration() {
        return new LeastLatencyStrategy(0, 3, Random::new);
    }

    @Test
    void ordersMeasuredTargetsByTheirMedianLatency() {
        List<TargetView> targets = List.of(measured("slow", 900, 10), measured("fast", 120, 10), measured("middle", 400, 10));
        assertEquals(List.of("fast", "middle", "slow"), ids(withoutExploration().plan(request, targets)));
    }

    @Test
    void measuresTargetsWithTooFewSamplesFirst() {
        List<TargetView> targets = List.of(measured("fast", 50, 10), measured("young", 10_000, 2), target("new"));
        assertEquals(List.of("young", "new", "fast"), ids(withoutExploration().plan(request, targets)));
    }

    @Test
    void putsATargetWhoseLastAttemptFailedLastUntilItSucceedsAgain() {
        LeastLatencyStrategy strategy = withoutExploration();
        TargetView fast = measured("fast", 50, 10);
        TargetView slow = measured("slow", 500, 10);
        strategy.record(fast, new AttemptOutcome(false, 3, 0, Optional.of("connection refused")));
        assertEquals(List.of("slow", "fast"), ids(strategy.plan(request, List.of(fast, slow))));
        strategy.record(fast, new AttemptOutcome(false, 3, 400, Optional.of("bad request")));
        assertEquals(List.of("slow", "fast"), ids(strategy.plan(request, List.of(fast, slow))), "a 400 is the caller's fault, not news");
        strategy.record(fast, new AttemptOutcome(true, 40, 200, Optional.empty()));
        assertEquals(List.of("fast", "slow"), ids(strategy.plan(request, List.of(fast, slow))));
    }

    @Test
    void exploresAnotherTargetAboutAsOftenAsConfigured() {
        Random random = new Random(99);
        LeastLatencyStrategy strategy = new LeastLatencyStrategy(0.1, 3, () -> random);
        List<TargetView> targets = List.of(measured("fast", 50, 10), measured("slow", 500, 10), measured("slower", 900, 10));
        int explored = 0;
        for (int i = 0; i < 10_000; i++) {
            List<TargetView> plan = strategy.plan(request, targets);
            assertEquals(3, plan.size(), "every target stays a fallback");
            explored += plan.get(0).id().equals("fast") ? 0 : 1;
        }
        assertTrue(Math.abs(explored / 10_000.0 - 0.1) < 0.02, "explored " + explored);
    }

    @Test
    void refusesExplorationOutsideItsRange() {
        PluginConfig config = new PluginConfig("conf/gateway.yaml", "strategy", JsonNodeFactory.instance.objectNode().put("exploration", 0.9));
        ConfigException e = assertThrows(ConfigException.class, () -> new LeastLatencyStrategyFactory().create(config, null));
        assertEquals("conf/gateway.yaml: strategy.exploration: must be between 0 and 0.5 (a share of requests), got 0.9", e.getMessage());
    }

    @Test
    void isListedAsAPluginExtensionUnderTheModeName() {
        assertTrue(ExtensionIndex.listed(getClass().getClassLoader()).contains(LeastLatencyStrategyFactory.class.getName()));
        assertEquals("least-latency", new LeastLatencyStrategyFactory().id());
    }
}
