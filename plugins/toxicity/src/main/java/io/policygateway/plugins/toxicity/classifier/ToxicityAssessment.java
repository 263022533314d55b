package io.policygateway.plugins.toxicity.classifier;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The classifier's answer for one text.
 *
 * @param score 0..1, the noisy-OR of the signal weights
 * @param signals the signals that fired, strongest first
 */
public record ToxicityAssessment(double score, List<ToxicitySignal> signals) {
    public ToxicityAssessment {
        signals = List.copyOf(signals);
    }

    public static ToxicityAssessment clean() {
        return new ToxicityAssessment(0, List.of());
    }

    public Set<ToxicityCategory> categories() {
        Set<ToxicityCategory> categories = EnumSet.noneOf(ToxicityCategory.class);
        signals.forEach(signal -> categories.add(signal.category()));
        return categories;
    }

    public List<String> labels() {
        return signals.stream().map(ToxicitySignal::label).toList();
    }
}
