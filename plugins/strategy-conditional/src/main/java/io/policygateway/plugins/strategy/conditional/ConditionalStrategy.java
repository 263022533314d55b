package io.policygateway.plugins.strategy.conditional;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.TargetView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates the rules in order; the first that matches and names at least one candidate decides:
 * its targets are tried in the order written (those not among the candidates — not serving the
 * model, refused by a compliance rule — are left out; a rule with none left is passed over). With
 * no such rule, {@code default}'s targets, else every candidate in configured order.
 * Immutable and thread-safe.
 */
final class ConditionalStrategy implements RoutingStrategy {
    private final List<Rule> rules;
    private final Optional<TargetChoice> fallback;

    ConditionalStrategy(List<Rule> rules, Optional<TargetChoice> fallback) {
        this.rules = List.copyOf(rules);
        this.fallback = requireNonNull(fallback, "fallback is null");
    }

    @Override
    public void validate(List<TargetView> configuredTargets) {
        rules.forEach(rule -> rule.then().check(configuredTargets));
        fallback.ifPresent(choice -> choice.check(configuredTargets));
    }

    @Override
    public List<TargetView> plan(RoutingRequest request, List<TargetView> candidates) {
        Map<String, TargetView> byId = new LinkedHashMap<>();
        candidates.forEach(candidate -> byId.put(candidate.id(), candidate));
        for (Rule rule : rules) {
            if (rule.matches(request)) {
                List<TargetView> chosen = chosen(rule.then(), byId);
                if (!chosen.isEmpty()) {
                    return chosen;
                }
            }
        }
        if (fallback.isPresent()) {
            List<TargetView> chosen = chosen(fallback.get(), byId);
            if (!chosen.isEmpty()) {
                return chosen;
            }
        }
        return List.copyOf(candidates);
    }

    private static List<TargetView> chosen(TargetChoice choice, Map<String, TargetView> candidates) {
        List<TargetView> chosen = new ArrayList<>();
        for (String id : choice.ids()) {
            TargetView candidate = candidates.get(id);
            if (candidate != null) {
                chosen.add(candidate);
            }
        }
        return List.copyOf(chosen);
    }
}
