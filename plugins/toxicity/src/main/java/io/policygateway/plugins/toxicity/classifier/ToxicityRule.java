package io.policygateway.plugins.toxicity.classifier;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One toxicity rule.
 *
 * @param category the kind of toxicity
 * @param name stable snake_case name reported in decisions
 * @param weight how much one match counts (0..1)
 * @param pattern the expression, over normalised lower-case text
 * @param triggers words of which at least one must occur for the pattern to be tried
 */
record ToxicityRule(ToxicityCategory category, String name, double weight, Pattern pattern, Set<String> triggers) {
    ToxicityRule {
        requireNonNull(category, "category is null");
        requireNonNull(name, "name is null");
        requireNonNull(pattern, "pattern is null");
        triggers = Set.copyOf(triggers);
    }
}
