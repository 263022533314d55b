package io.policygateway.plugins.promptshield.classifier;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The classifier's answer for one text.
 *
 * @param score 0..1, the noisy-OR of the signal weights
 * @param signals the signals that fired, strongest first
 */
public record InjectionAssessment(double score, List<Signal> signals) {
    private static final InjectionAssessment CLEAN = new InjectionAssessment(0, List.of());

    public InjectionAssessment {
        signals = List.copyOf(signals);
        if (score < 0 || score > 1) {
            throw new IllegalArgumentException("score must be within 0..1: " + score);
        }
    }

    public static InjectionAssessment clean() {
        return CLEAN;
    }

    /** The families of the signals that fired. */
    public Set<SignalFamily> families() {
        Set<SignalFamily> families = EnumSet.noneOf(SignalFamily.class);
        for (Signal signal : signals) {
            families.add(signal.family());
        }
        return families;
    }
}
