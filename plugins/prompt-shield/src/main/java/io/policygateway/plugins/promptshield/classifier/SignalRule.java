package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A phrase that is evidence of an attack.
 *
 * @param family the kind of attack
 * @param name stable snake_case name reported in decisions
 * @param weight how much one occurrence counts (0..1) before context
 * @param pattern the phrase
 * @param requires a cue without which the phrase does not count (e.g. an order addressed to "the AI"
 *     counts only inside a document or tool result)
 * @param developerMitigates whether a developer's framing ("how do I log the system prompt in my
 *     app") lowers it
 */
record SignalRule(SignalFamily family, String name, double weight, PhrasePattern pattern, Optional<Cue> requires,
        boolean developerMitigates) {
    SignalRule {
        requireNonNull(family, "family is null");
        requireNonNull(name, "name is null");
        requireNonNull(pattern, "pattern is null");
        requireNonNull(requires, "requires is null");
        if (weight <= 0 || weight > 1) {
            throw new IllegalArgumentException(name + ": weight must be within (0, 1]");
        }
    }
}
