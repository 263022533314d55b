package io.policygateway.plugins.toxicity;

import io.policygateway.api.guardrail.StreamMode;
import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.plugins.toxicity.classifier.ToxicityCategory;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * toxicity's settings.
 *
 * @param threshold the score at or above which the action applies (default 0.5)
 * @param action what to do (default block)
 * @param categories the kinds of toxicity that count ({@code categories}; default all)
 * @param roles the request message roles checked before the request (default user)
 * @param stream how streamed responses are checked (default window)
 */
record ToxicityConfig(double threshold, GuardrailAction action, Set<ToxicityCategory> categories, Set<String> roles,
        StreamMode stream) {
    static final double DEFAULT_THRESHOLD = 0.5;
    private static final Set<String> KNOWN_ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    ToxicityConfig {
        requireNonNull(action, "action is null");
        categories = Set.copyOf(categories);
        roles = Set.copyOf(roles);
        requireNonNull(stream, "stream is null");
    }

    static ToxicityConfig from(PluginConfig config) {
        config.requireOnly("threshold", "action", "categories", "roles", "stream");
        double threshold = config.decimal("threshold", DEFAULT_THRESHOLD);
        if (!(threshold > 0 && threshold <= 1)) {
            throw config.error("threshold", "expected a number above 0 and at most 1, got " + threshold);
        }
        Set<ToxicityCategory> categories = EnumSet.noneOf(ToxicityCategory.class);
        List<String> names = config.strings("categories");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim().toLowerCase(Locale.ROOT).replace('-', '_');
            if (name.equals("toxicity") || name.equals("all")) {
                categories.addAll(EnumSet.allOf(ToxicityCategory.class));
                continue;
            }
            int index = i;
            categories.add(ToxicityCategory.fromWireName(name).orElseThrow(() -> config.error("categories[" + index + "]",
                    "unknown category '" + names.get(index) + "' (known: insult, identity_attack, threat, harassment, "
                            + "sexual_harassment)")));
        }
        if (categories.isEmpty()) {
            categories = EnumSet.allOf(ToxicityCategory.class);
        }
        List<String> roles = config.has("roles") ? config.strings("roles") : List.of("user");
        for (int i = 0; i < roles.size(); i++) {
            if (!KNOWN_ROLES.contains(roles.get(i))) {
                throw config.error("roles[" + i + "]", "expected one of system, developer, user, assistant, tool, function, got '"
                        + roles.get(i) + "'");
            }
        }
        return new ToxicityConfig(threshold, GuardrailAction.from(config, "toxicity"), categories, Set.copyOf(roles),
                StreamMode.from(config, "stream", StreamMode.WINDOW));
    }
}
