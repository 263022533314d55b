package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores how likely a text is a prompt-injection or jailbreak attempt, explainably.
 *
 * <p>The text is normalised (NFKC, invisible characters removed, lower case) and matched against
 * phrase rules, each a weighted signal of one {@link SignalFamily}. Context lowers a signal: an
 * attack that is quoted in order to discuss, translate or detect it, or a developer's question
 * about system prompts. Disguised text is undone (homoglyphs, leetspeak, letter spacing) and
 * encoded payloads are decoded (base64, hex, binary, percent-encoding, Morse, and when asked for,
 * ROT13, reversal, assembled fragments, acrostics); a rule that fires only on the hidden text adds
 * an obfuscation signal. The score is the noisy-OR of the signal weights: {@code 1 - Π(1 - w)}.
 *
 * <p>Built once (all patterns are compiled here); {@link #assess} is thread-safe.
 */
public final class InjectionClassifier {
    private static final double HIDDEN_INSTRUCTION = 0.35;
    private static final double TOOL_RESULT_FACTOR = 1.2;
    private static final double MAX_WEIGHT = 0.95;

    private final RuleSet rules;
    private final Set<SignalFamily> families;
    private final Deobfuscator deobfuscator;
    private final PayloadDecoder decoder;

    private InjectionClassifier(RuleSet rules, Set<SignalFamily> families) {
        this.rules = requireNonNull(rules, "rules is null");
        this.families = Set.copyOf(families);
        WordSegmenter segmenter = new WordSegmenter(rules.dictionary());
        this.deobfuscator = new Deobfuscator(segmenter);
        this.decoder = new PayloadDecoder(rules.decoderRequests(), segmenter);
    }

    /** A classifier with every signal family. */
    public static InjectionClassifier standard() {
        return create(EnumSet.allOf(SignalFamily.class));
    }

    /** A classifier that reports only signals of the given families. */
    public static InjectionClassifier create(Set<SignalFamily> families) {
        if (families.isEmpty()) {
            throw new IllegalArgumentException("at least one signal family is needed");
        }
        return new InjectionClassifier(RuleSet.standard(), families);
    }

    /** Scores one text (one message or tool result). */
    public InjectionAssessment assess(String text, Provenance provenance) {
        requireNonNull(text, "text is null");
        requireNonNull(provenance, "provenance is null");
        if (text.isBlank()) {
            return InjectionAssessment.clean();
        }
        TextNormalizer.NormalizedText normalized = TextNormalizer.normalize(text);
        ViewIndex base = rules.index(normalized.lower());
        Framing framing = new Framing(rules, base, provenance);
        Evidence evidence = new Evidence();
        Set<String> firedInBase = scan(base, ViewKind.BASE, framing, provenance, evidence, Set.of());

        if (normalized.invisibleInsideWords() >= 2) {
            evidence.offer(new Signal(SignalFamily.OBFUSCATION, "invisible_characters", 0.25, ViewKind.BASE.wireName()));
        }
        if (base.mixedScriptTokens() >= 2) {
            evidence.offer(new Signal(SignalFamily.OBFUSCATION, "mixed_script_words", 0.25, ViewKind.BASE.wireName()));
        }
        List<PayloadDecoder.Decoded> hidden = new ArrayList<>(decoder.decode(normalized, base));
        if (Deobfuscator.worthTrying(base)) {
            deobfuscator.deobfuscate(normalized.lower())
                    .ifPresent(clear -> hidden.add(new PayloadDecoder.Decoded(ViewKind.DEOBFUSCATED, clear)));
        }
        if (!normalized.tagText().isBlank()) {
            evidence.offer(new Signal(SignalFamily.OBFUSCATION, "tag_characters", 0.45, ViewKind.TAG_CHARACTERS.wireName()));
            hidden.add(new PayloadDecoder.Decoded(ViewKind.TAG_CHARACTERS, TextNormalizer.normalize(normalized.tagText()).lower()));
        }
        for (PayloadDecoder.Decoded decoded : hidden) {
            scan(rules.index(decoded.text()), decoded.kind(), framing, provenance, evidence, firedInBase);
        }
        return evidence.assessment();
    }

    /** Runs every rule on one view; returns the names of the rules that fired. */
    private Set<String> scan(ViewIndex view, ViewKind kind, Framing framing, Provenance provenance, Evidence evidence,
            Set<String> firedInBase) {
        Set<String> fired = new HashSet<>();
        boolean revealed = false;
        for (SignalRule rule : rules.signals()) {
            // a cheap cue (one word list) is checked before the phrase; a costly one only after a match
            if (rule.requires().isPresent() && rule.requires().get().isCheap() && !framing.has(rule.requires().get())) {
                continue;
            }
            List<PhrasePattern.Match> matches = rule.pattern().find(view, 4);
            if (matches.isEmpty() || (rule.requires().isPresent() && !framing.has(rule.requires().get()))) {
                continue;
            }
            fired.add(rule.name());
            double weight = rule.weight()
                    * (kind == ViewKind.BASE ? framing.multiplier(rule, matches) : framing.hiddenMultiplier());
            if (provenance == Provenance.TOOL && amplifiedInToolResults(rule.family())) {
                weight = Math.min(MAX_WEIGHT, weight * TOOL_RESULT_FACTOR);
            }
            if (families.contains(rule.family())) {
                evidence.offer(new Signal(rule.family(), rule.name(), weight, kind.wireName()));
            }
            revealed |= kind != ViewKind.BASE && !firedInBase.contains(rule.name());
        }
        if (revealed && families.contains(SignalFamily.OBFUSCATION)) {
            evidence.offer(new Signal(SignalFamily.OBFUSCATION, "hidden_instruction",
                    HIDDEN_INSTRUCTION * framing.hiddenMultiplier(), kind.wireName()));
        }
        return fired;
    }

    private static boolean amplifiedInToolResults(SignalFamily family) {
        return family == SignalFamily.INSTRUCTION_OVERRIDE || family == SignalFamily.INDIRECT_INJECTION
                || family == SignalFamily.SYSTEM_PROMPT_EXTRACTION;
    }

    /** The strongest signal per rule, and the noisy-OR score over them. */
    private static final class Evidence {
        private final Map<String, Signal> strongest = new LinkedHashMap<>();

        void offer(Signal signal) {
            Signal current = strongest.get(signal.name());
            if (current == null || signal.weight() > current.weight()) {
                strongest.put(signal.name(), signal);
            }
        }

        InjectionAssessment assessment() {
            if (strongest.isEmpty()) {
                return InjectionAssessment.clean();
            }
            double benign = 1;
            for (Signal signal : strongest.values()) {
                benign *= 1 - signal.weight();
            }
            List<Signal> signals = new ArrayList<>(strongest.values());
            signals.sort(Comparator.comparingDouble(Signal::weight).reversed());
            return new InjectionAssessment(Math.round((1 - benign) * 1000) / 1000.0, signals);
        }
    }
}
