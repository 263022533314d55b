package io.policygateway.plugins.strategy.conditional;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.RoutingStrategyFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * {@code strategy.mode: conditional} — the first rule whose {@code when} matches the request picks
 * the target(s) in its {@code then}.
 */
@Extension
public final class ConditionalStrategyFactory implements RoutingStrategyFactory {

    @Override
    public String id() {
        return "conditional";
    }

    @Override
    public RoutingStrategy create(PluginConfig config, PluginContext context) {
        config.requireOnly("rules", "default");
        List<PluginConfig> ruleSections = config.sections("rules");
        if (ruleSections.isEmpty()) {
            throw config.error("rules", "is required: list rules such as - when: { model_prefix: \"claude-\" } then: { target: anthropic }");
        }
        List<Rule> rules = new ArrayList<>();
        for (PluginConfig section : ruleSections) {
            rules.add(Rule.parse(section));
        }
        Optional<TargetChoice> fallback = config.has("default") ? Optional.of(TargetChoice.parse(config, "default")) : Optional.empty();
        return new ConditionalStrategy(rules, fallback);
    }
}
