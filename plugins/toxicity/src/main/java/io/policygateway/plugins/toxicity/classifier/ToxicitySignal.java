package io.policygateway.plugins.toxicity.classifier;

import static java.util.Objects.requireNonNull;

/**
 * One piece of evidence.
 *
 * @param category the kind of toxicity
 * @param name stable snake_case rule name, e.g. {@code second_person_insult}
 * @param weight how much it counts after context (0..1)
 */
public record ToxicitySignal(ToxicityCategory category, String name, double weight) {
    public ToxicitySignal {
        requireNonNull(category, "category is null");
        requireNonNull(name, "name is null");
    }

    /** {@code category/name}. */
    public String label() {
        return category.wireName() + "/" + name;
    }
}
