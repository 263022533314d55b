package io.policygateway.plugins.piiredact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds personal data in text. Immutable and thread-safe: build one at configuration time (that is
 * when the patterns are compiled) and share it.
 *
 * <p>Each type has its own recognizer, which proposes candidates with a confidence; where
 * candidates overlap, the most confident wins (then the longest), so the result never overlaps
 * and every span has a single type.
 */
public final class PiiDetector {
    private static final Comparator<Recognizer.Candidate> STRONGEST_FIRST = Comparator
            .comparingDouble(Recognizer.Candidate::confidence).reversed()
            .thenComparing(Comparator.comparingInt((Recognizer.Candidate candidate) -> candidate.end() - candidate.start()).reversed())
            .thenComparingInt(Recognizer.Candidate::start);

    private final List<Recognizer> recognizers;
    private final Set<PiiType> types;

    /** A detector for the given types. */
    public PiiDetector(Set<PiiType> types) {
        this.types = Set.copyOf(types);
        List<Recognizer> enabled = new ArrayList<>();
        EnumSet<PiiType> ordered = EnumSet.noneOf(PiiType.class);
        ordered.addAll(types);
        for (PiiType type : ordered) {
            enabled.add(recognizerFor(type));
        }
        this.recognizers = List.copyOf(enabled);
    }

    /** A detector for the structured types (everything but names and addresses). */
    public static PiiDetector structuredTypes() {
        EnumSet<PiiType> types = EnumSet.allOf(PiiType.class);
        types.removeIf(PiiType::optional);
        return new PiiDetector(types);
    }

    /** The types this detector looks for. */
    public Set<PiiType> types() {
        return types;
    }

    /** The personal data in {@code text}, sorted by position, never overlapping. */
    public List<PiiSpan> detect(String text) {
        List<Recognizer.Candidate> candidates = new ArrayList<>();
        Anchors anchors = Anchors.of(text);
        for (Recognizer recognizer : recognizers) {
            recognizer.find(text, anchors, candidates);
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(STRONGEST_FIRST);
        List<PiiSpan> chosen = new ArrayList<>(candidates.size());
        for (Recognizer.Candidate candidate : candidates) {
            if (chosen.stream().noneMatch(span -> span.start() < candidate.end() && candidate.start() < span.end())) {
                chosen.add(new PiiSpan(candidate.type(), candidate.start(), candidate.end()));
            }
        }
        chosen.sort(Comparator.comparingInt(PiiSpan::start));
        return List.copyOf(chosen);
    }

    private static Recognizer recognizerFor(PiiType type) {
        return switch (type) {
            case EMAIL -> new EmailRecognizer();
            case PHONE -> new PhoneRecognizer();
            case SSN -> new SsnRecognizer();
            case CREDIT_CARD -> new CreditCardRecognizer();
            case IBAN -> new IbanRecognizer();
            case IP_ADDRESS -> new IpAddressRecognizer();
            case NAME -> new NameRecognizer();
            case ADDRESS -> new AddressRecognizer();
        };
    }
}
