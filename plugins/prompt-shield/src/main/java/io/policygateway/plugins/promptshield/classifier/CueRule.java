package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

/** A phrase that establishes a {@link Cue}. */
record CueRule(Cue cue, PhrasePattern pattern) {
    CueRule {
        requireNonNull(cue, "cue is null");
        requireNonNull(pattern, "pattern is null");
    }
}
