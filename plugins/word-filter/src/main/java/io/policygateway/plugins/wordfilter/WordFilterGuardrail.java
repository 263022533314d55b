package io.policygateway.plugins.wordfilter;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.guardrail.ChatText;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.ObservingStreamGuard;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The word-filter guardrail: blocks, redacts, warns about or logs banned terms in requests and,
 * when {@code scanResponses} is on, in answers and streams. Thread-safe; no per-request state.
 */
final class WordFilterGuardrail implements Guardrail {
    static final String REASON = "BANNED_WORD";

    private final WordFilterSettings settings;
    private final BannedWords bannedWords;

    WordFilterGuardrail(WordFilterSettings settings, BannedWords bannedWords) {
        this.settings = requireNonNull(settings, "settings is null");
        this.bannedWords = requireNonNull(bannedWords, "bannedWords is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) {
        return scan(ChatText.requestTexts(request.body()), "request",
                redact -> ChatText.rewriteRequest(request.body(), redact::apply));
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) {
        if (!settings.scanResponses()) {
            return Verdict.allow();
        }
        return scan(ChatText.responseTexts(response.body()), "answer",
                redact -> ChatText.rewriteResponse(response.body(), redact::apply));
    }

    @Override
    public StreamGuard openStream(GuardrailRequest request) {
        if (!settings.scanResponses()) {
            return StreamGuard.PASS_THROUGH;
        }
        return switch (settings.streamMode()) {
            case WINDOW -> new WordFilterStreamGuard(settings, bannedWords, settings.streamWindow());
            case BUFFER -> new WordFilterStreamGuard(settings, bannedWords, WordFilterSettings.STREAM_LIMIT);
            case PASS_THROUGH -> new ObservingStreamGuard(WordFilterSettings.STREAM_LIMIT, this::observed);
        };
    }

    /** What a pass-through stream records: the banned terms in the answer, as log-only. */
    private Optional<Verdict> observed(String answer) {
        int count = bannedWords.find(answer).size();
        return count == 0 ? Optional.empty() : Optional.of(verdict(WordFilterAction.LOG_ONLY,
                "The answer contained banned words (" + count + "); pass-through streams are not filtered.", Map.of("matches", count)));
    }

    private Verdict scan(List<ChatText.Segment> segments, String where,
            Function<Function<String, String>, ObjectNode> rewrite) {
        Map<String, List<WordMatch>> found = new HashMap<>();
        int count = 0;
        for (ChatText.Segment segment : segments) {
            count += found.computeIfAbsent(segment.text(), bannedWords::find).size();
        }
        if (count == 0) {
            return Verdict.allow();
        }
        Map<String, Object> details = Map.of("matches", count);
        if (settings.action() == WordFilterAction.REDACT) {
            ObjectNode redacted = rewrite.apply(text -> redact(text, found.computeIfAbsent(text, bannedWords::find)));
            return Verdict.rewrite(REASON, "Banned words in the " + where + " were replaced (" + count + ").", redacted)
                    .withDetails(details);
        }
        return verdict(settings.action(), "The " + where + " contains banned words (" + count + ").", details);
    }

    static Verdict verdict(WordFilterAction action, String message, Map<String, Object> details) {
        Decision decision = switch (action) {
            case BLOCK -> Decision.BLOCK;
            case WARN -> Decision.WARN;
            case LOG_ONLY -> Decision.LOG_ONLY;
            case ALLOW -> Decision.ALLOW;
            case REDACT -> throw new IllegalArgumentException("redaction rewrites the body");
        };
        return new Verdict(decision, REASON, message, Optional.empty(), Optional.empty(), details);
    }

    private String redact(String text, List<WordMatch> matches) {
        if (matches.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        for (WordMatch match : matches) {
            out.append(text, position, match.start()).append(settings.replacement());
            position = match.end();
        }
        return out.append(text, position, text.length()).toString();
    }
}
