package io.policygateway.plugins.wordfilter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.HoldBackStreamGuard;
import io.policygateway.api.guardrail.TextSpan;
import io.policygateway.api.guardrail.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Filters one streamed answer, holding back enough text to see a term split across chunks. */
final class WordFilterStreamGuard extends HoldBackStreamGuard {
    private final WordFilterSettings settings;
    private final BannedWords bannedWords;
    private int count;

    /** @param window characters always held back; {@link WordFilterSettings#STREAM_LIMIT} to buffer the answer */
    WordFilterStreamGuard(WordFilterSettings settings, BannedWords bannedWords, int window) {
        super(window, Math.max(window, 4096));
        this.settings = settings;
        this.bannedWords = bannedWords;
    }

    @Override
    protected List<TextSpan> find(String text) {
        return bannedWords.find(text).stream().map(WordMatch::toTextSpan).toList();
    }

    @Override
    protected Outcome onSpan(TextSpan span, String value, boolean truncated) {
        count++;
        return switch (settings.action()) {
            case BLOCK -> new Outcome.Block(WordFilterGuardrail.verdict(WordFilterAction.BLOCK,
                    "The answer contains banned words (" + count + ").", Map.of("matches", count)));
            case REDACT -> new Outcome.Replace(settings.replacement());
            case WARN, LOG_ONLY, ALLOW -> new Outcome.Keep();
        };
    }

    @Override
    protected Optional<Verdict> summary() {
        if (count == 0) {
            return Optional.empty();
        }
        if (settings.action() == WordFilterAction.REDACT) {
            return Optional.of(new Verdict(Decision.REWRITE, WordFilterGuardrail.REASON,
                    "Banned words in the answer were replaced (" + count + ").",
                    Optional.of(JsonNodeFactory.instance.objectNode()), Optional.empty(), Map.of("matches", count)));
        }
        return Optional.of(WordFilterGuardrail.verdict(settings.action(), "The answer contains banned words (" + count + ").",
                Map.of("matches", count)));
    }
}
