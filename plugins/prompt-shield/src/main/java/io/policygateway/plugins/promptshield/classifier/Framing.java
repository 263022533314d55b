package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The context of one text, worked out on first use: which {@link Cue}s hold and which parts are
 * quoted. Turns that context into the factor a signal's weight is multiplied by. Used by one
 * request on one thread.
 */
final class Framing {
    /** Quoted inside a discussion of attacks: the attack is mentioned, not used. */
    static final double QUOTED_IN_DISCUSSION = 0.15;
    /** Quoted without a discussion around it. */
    static final double QUOTED = 0.6;
    /** A discussion of attacks, the phrase itself not quoted. */
    static final double DISCUSSED = 0.45;
    /** A developer's question about prompts (extraction and delimiter signals only). */
    static final double DEVELOPER_QUESTION = 0.35;

    private final RuleSet rules;
    private final ViewIndex base;
    private final Provenance provenance;
    private final Set<Cue> checked = EnumSet.noneOf(Cue.class);
    private final Set<Cue> found = EnumSet.noneOf(Cue.class);
    private QuotedRanges quotes;

    Framing(RuleSet rules, ViewIndex base, Provenance provenance) {
        this.rules = requireNonNull(rules, "rules is null");
        this.base = requireNonNull(base, "base is null");
        this.provenance = requireNonNull(provenance, "provenance is null");
    }

    boolean has(Cue cue) {
        if (cue == Cue.DOCUMENT && provenance == Provenance.TOOL) {
            return true;
        }
        if (checked.add(cue)) {
            for (CueRule rule : rules.cues()) {
                if (rule.cue() == cue && rule.pattern().matches(base)) {
                    found.add(cue);
                    break;
                }
            }
        }
        return found.contains(cue);
    }

    /** The factor for a signal found in the base text at {@code matches}. */
    double multiplier(SignalRule rule, List<PhrasePattern.Match> matches) {
        double factor = 1;
        if (!has(Cue.EXECUTE)) {
            boolean discussion = has(Cue.DISCUSSION);
            boolean document = has(Cue.DOCUMENT);
            // translating or explaining a quote mentions it, unless the quote is a third party's document
            boolean mention = discussion || has(Cue.DEVELOPER) || (has(Cue.TRANSLATION) && !document);
            if (allQuoted(matches)) {
                if (mention) {
                    factor = QUOTED_IN_DISCUSSION;
                } else if (!document) {
                    factor = QUOTED;
                }
            } else if (discussion || (has(Cue.TRANSLATION) && !document)) {
                factor = DISCUSSED;
            }
        }
        if (rule.developerMitigates() && has(Cue.DEVELOPER)) {
            factor = Math.min(factor, DEVELOPER_QUESTION);
        }
        return factor;
    }

    /** The factor for a signal found only in a decoded or de-obfuscated view. */
    double hiddenMultiplier() {
        return has(Cue.DISCUSSION) && !has(Cue.EXECUTE) ? DISCUSSED : 1;
    }

    private boolean allQuoted(List<PhrasePattern.Match> matches) {
        if (quotes == null) {
            quotes = QuotedRanges.of(base.text());
        }
        if (quotes.isEmpty()) {
            return false;
        }
        for (PhrasePattern.Match match : matches) {
            if (!quotes.covers(match.start(), match.end())) {
                return false;
            }
        }
        return true;
    }
}
