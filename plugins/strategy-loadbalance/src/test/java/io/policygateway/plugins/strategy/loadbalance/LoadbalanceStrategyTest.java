package io.policygateway.plugins.strategy.loadbalance;

import static io.policygateway.kernel.routing.StrategyFixtures.ids;
import static io.policygateway.kernel.routing.StrategyFixtures.request;
import static io.policygateway.kernel.routing.StrategyFixtures.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.TargetView;
import io.policygateway.kernel.routing.ExtensionIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadbalanceStrategyTest {
    private static final int PLANS = 10_000;
    private final RoutingRequest request = request("gpt-4o");

    @Test
    void firstChoicesFollowTheWeightsWithinTwoPercentOverTenThousandPlans() {
        Random random = new Random(20260113);
        LoadbalanceStrategy strategy = new LoadbalanceStrategy(() -> random);
        List<TargetView> targets = List.of(weighted("a", 3), weighted("b", 1), weighted("c", 6));
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < PLANS; i++) {
            first.merge(strategy.plan(request, targets).get(0).id(), 1, Integer::sum);
        }
        assertShare(0.3, first.get("a"));
        assertShare(0.1, first.get("b"));
        assertShare(0.6, first.get("c"));
    }

    @Test
    void equalWeightsSplitEvenlyWithTheThreadsOwnRandomSource() {
        RoutingStrategy strategy = new LoadbalanceStrategyFactory().create(PluginConfig.empty("strategy"), null);
        List<TargetView> targets = List.of(weighted("a", 1), weighted("b", 1));
        int a = 0;
        for (int i = 0; i < PLANS; i++) {
            a += strategy.plan(request, targets).get(0).id().equals("a") ? 1 : 0;
        }
        assertShare(0.5, a);
    }

    @Test
    void everyCandidateStaysInThePlanAsAFallback() {
        LoadbalanceStrategy strategy = new LoadbalanceStrategy(() -> new Random(7));
        List<TargetView> plan = strategy.plan(request, List.of(weighted("a", 1), weighted("b", 5), weighted("c", 2)));
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(ids(plan)));
        assertEquals(3, plan.size());
    }

    @Test
    void zeroWeightTargetsAreOnlyTriedLastInConfiguredOrder() {
        Random random = new Random(11);
        LoadbalanceStrategy strategy = new LoadbalanceStrategy(() -> random);
        List<TargetView> targets = List.of(weighted("spare-1", 0), weighted("a", 1), weighted("spare-2", 0), weighted("b", 1));
        for (int i = 0; i < 1_000; i++) {
            List<String> plan = ids(strategy.plan(request, targets));
            assertEquals(List.of("spare-1", "spare-2"), plan.subList(2, 4), plan.toString());
        }
    }

    @Test
    void isListedAsAPluginExtensionUnderTheModeName() {
        assertTrue(ExtensionIndex.listed(getClass().getClassLoader()).contains(LoadbalanceStrategyFactory.class.getName()));
        assertEquals("loadbalance", new LoadbalanceStrategyFactory().id());
    }

    private static void assertShare(double expected, int count) {
        double observed = count / (double) PLANS;
        assertTrue(Math.abs(observed - expected) < 0.02, "expected a share of " + expected + ", observed " + observed);
    }
}
