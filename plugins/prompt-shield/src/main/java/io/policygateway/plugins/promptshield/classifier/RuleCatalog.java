package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects rules while the rule files register them, then freezes them with the shared vocabulary
 * into a {@link RuleSet}. Used only at start-up.
 */
final class RuleCatalog {
    private final Vocabulary.Builder vocabulary = new Vocabulary.Builder();
    private final List<SignalRule> signals = new ArrayList<>();
    private final List<CueRule> cues = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    PhrasePatternBuilder phrase() {
        return new PhrasePatternBuilder(vocabulary);
    }

    /** A signal that counts anywhere; developer framing lowers it for extraction and delimiter signals. */
    void signal(SignalFamily family, String name, double weight, PhrasePatternBuilder phrase) {
        boolean developerMitigates = family == SignalFamily.SYSTEM_PROMPT_EXTRACTION
                || family == SignalFamily.DELIMITER_INJECTION;
        add(new SignalRule(family, name, weight, phrase.build(), Optional.empty(), developerMitigates));
    }

    /** A signal that counts only when {@code cue} holds for the text. */
    void signalWhen(Cue cue, SignalFamily family, String name, double weight, PhrasePatternBuilder phrase) {
        requireNonNull(cue, "cue is null");
        add(new SignalRule(family, name, weight, phrase.build(), Optional.of(cue), false));
    }

    /** Vocabulary ids for words a decoder looks for in the text. */
    int[] tokens(String... words) {
        int[] ids = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            ids[i] = vocabulary.idOf(words[i]);
        }
        return ids;
    }

    void cue(Cue cue, PhrasePatternBuilder phrase) {
        cues.add(new CueRule(cue, phrase.build()));
    }

    private void add(SignalRule rule) {
        if (!names.add(rule.name())) {
            throw new IllegalStateException("duplicate rule name " + rule.name());
        }
        signals.add(rule);
    }

    RuleSet freeze() {
        PayloadDecoder.Requests requests = new PayloadDecoder.Requests(
                tokens("rot13", "rot", "rot-13", "caesar", "cipher", "ciphertext", "decipher", "decrypt", "decode",
                        "decoded", "encoded", "encrypted", "scrambled", "unscramble"),
                tokens("reverse", "reversed", "backwards", "backward", "mirror", "mirrored", "reversing", "flip",
                        "flipped"),
                tokens("combine", "concatenate", "concat", "join", "merge", "assemble", "append", "variable", "variables",
                        "fragments", "pieces", "halves", "segments", "concatenated", "concatenation", "treat", "blank",
                        "blanks", "hint"),
                tokens("acrostic", "letter", "letters", "initials", "character", "characters"));
        return new RuleSet(vocabulary.freeze(), vocabulary.dictionary(), signals, cues, requests);
    }
}
