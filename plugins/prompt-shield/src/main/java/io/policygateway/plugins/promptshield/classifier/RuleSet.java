package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * Every rule and cue, with the vocabulary their anchors index into. Built once; immutable.
 */
record RuleSet(Vocabulary vocabulary, Set<String> dictionary, List<SignalRule> signals, List<CueRule> cues,
        PayloadDecoder.Requests decoderRequests) {
    RuleSet {
        requireNonNull(vocabulary, "vocabulary is null");
        dictionary = Set.copyOf(dictionary);
        signals = List.copyOf(signals);
        cues = List.copyOf(cues);
        requireNonNull(decoderRequests, "decoderRequests is null");
    }

    /** The built-in rules: English, the other supported languages, and the context cues. */
    static RuleSet standard() {
        RuleCatalog catalog = new RuleCatalog();
        EnglishRules.register(catalog);
        ExtractionRules.register(catalog);
        EnglishJailbreakRules.register(catalog);
        DelimiterRules.register(catalog);
        IndirectRules.register(catalog);
        EncodingRules.register(catalog);
        MultilingualRules.register(catalog);
        ContextCues.register(catalog);
        return catalog.freeze();
    }

    ViewIndex index(String text) {
        return ViewIndex.of(text, vocabulary);
    }
}
