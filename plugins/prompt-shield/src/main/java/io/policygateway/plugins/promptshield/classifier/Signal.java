package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

/**
 * One piece of evidence.
 *
 * @param family the kind of attack
 * @param name a stable snake_case name, e.g. {@code ignore_previous_instructions} or {@code de_override}
 * @param weight how much it counts after context (0..1)
 * @param view where it was found: {@code text} or a decoding such as {@code base64}
 */
public record Signal(SignalFamily family, String name, double weight, String view) {
    public Signal {
        requireNonNull(family, "family is null");
        requireNonNull(name, "name is null");
        requireNonNull(view, "view is null");
        if (weight < 0 || weight > 1) {
            throw new IllegalArgumentException("weight must be within 0..1: " + weight);
        }
    }

    /** {@code family/name}, or {@code family/name@view} when found in a decoded or de-obfuscated view. */
    public String label() {
        return family.wireName() + "/" + name + (view.equals(ViewKind.BASE.wireName()) ? "" : "@" + view);
    }
}
