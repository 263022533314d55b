package io.policygateway.plugins.strategy.conditional;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.routing.TargetView;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The target ids a rule (or {@code default}) sends requests to, in order, and where they were
 * written, so a typo is reported at start with its path.
 *
 * @param ids target ids ({@code openai}, {@code openai#2}, or a target's own {@code id})
 * @param config the section that named them
 * @param key the key within it
 */
record TargetChoice(List<String> ids, PluginConfig config, String key) {

    TargetChoice {
        ids = List.copyOf(ids);
        requireNonNull(config, "config is null");
        requireNonNull(key, "key is null");
    }

    /** Reads {@code key}: one id or a list of ids. */
    static TargetChoice parse(PluginConfig config, String key) {
        List<String> ids = Values.strings(config, key);
        if (ids.isEmpty()) {
            throw config.error(key, "name at least one target id");
        }
        if (Set.copyOf(ids).size() != ids.size()) {
            throw config.error(key, "names a target twice");
        }
        return new TargetChoice(ids, config, key);
    }

    /** Refuses ids the route has no target for. */
    void check(List<TargetView> configuredTargets) {
        Set<String> known = configuredTargets.stream().map(TargetView::id).collect(Collectors.toCollection(java.util.TreeSet::new));
        for (String id : ids) {
            if (!known.contains(id)) {
                throw config.error(key, "no target '" + id + "' in this route (targets: " + String.join(", ", known) + ")");
            }
        }
    }
}
