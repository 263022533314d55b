package io.policygateway.plugins.piiredact;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.HoldBackStreamGuard;
import io.policygateway.api.guardrail.TextSpan;
import io.policygateway.api.guardrail.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Watches one streamed answer: personal data is redacted (or the stream blocked) before the caller
 * sees it, even when a value is split across chunks, and in reversible mode the request's
 * placeholders are restored. One instance per stream; not thread-safe.
 */
final class PiiStreamGuard extends HoldBackStreamGuard {
    private static final String PLACEHOLDER = "placeholder";

    private final PiiRedactSettings settings;
    private final PiiDetector detector;
    private final Optional<Placeholders> issued;
    private final Placeholders placeholders;
    private final Findings findings = new Findings();
    private int restored;

    /**
     * @param window characters always held back; {@code settings.streamMaxHold()} to buffer the answer
     */
    PiiStreamGuard(PiiRedactSettings settings, PiiDetector detector, Optional<Placeholders> issued, int window) {
        super(window, settings.streamMaxHold());
        this.settings = settings;
        this.detector = detector;
        this.issued = issued;
        this.placeholders = issued.orElseGet(Placeholders::new);
    }

    @Override
    protected List<TextSpan> find(String text) {
        List<TextSpan> spans = new ArrayList<>();
        for (PiiSpan span : detector.detect(text)) {
            spans.add(span.toTextSpan());
        }
        if (issued.isPresent() && text.indexOf('[') >= 0) {
            Matcher matcher = Placeholders.PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                int start = matcher.start();
                int end = matcher.end();
                if (spans.stream().noneMatch(span -> span.start() < end && start < span.end())) {
                    spans.add(new TextSpan(start, end, PLACEHOLDER));
                }
            }
            spans.sort(Comparator.comparingInt(TextSpan::start));
        }
        return spans;
    }

    @Override
    protected Outcome onSpan(TextSpan span, String value, boolean truncated) {
        if (span.type().equals(PLACEHOLDER)) {
            Optional<String> original = issued.flatMap(placeholders -> placeholders.original(value));
            original.ifPresent(ignored -> restored++);
            return original.<Outcome>map(Outcome.Replace::new).orElseGet(Outcome.Keep::new);
        }
        PiiType type = typeOf(span);
        findings.add(type);
        return switch (settings.action()) {
            case REDACT -> new Outcome.Replace(placeholders.placeholderFor(type, value));
            case BLOCK -> new Outcome.Block(new Verdict(Decision.BLOCK, PiiRedactGuardrail.DETECTED,
                    "The answer contains personal data (" + findings.summary() + ").", Optional.empty(),
                    Optional.empty(), findings.details()));
            case WARN, LOG_ONLY, ALLOW -> new Outcome.Keep();
        };
    }

    @Override
    protected Optional<Verdict> summary() {
        if (findings.isEmpty()) {
            if (restored == 0) {
                return Optional.empty();
            }
            return Optional.of(streamRewrite(PiiRedactGuardrail.RESTORED,
                    "Placeholders in the answer were restored to the original values.", Map.of("restored", restored)));
        }
        String message = "The answer contains personal data (" + findings.summary() + ").";
        return Optional.of(switch (settings.action()) {
            case REDACT -> streamRewrite(PiiRedactGuardrail.REDACTED,
                    "Personal data in the answer was replaced with placeholders (" + findings.summary() + ").",
                    findings.details());
            case BLOCK, WARN -> new Verdict(Decision.WARN, PiiRedactGuardrail.DETECTED, message, Optional.empty(),
                    Optional.empty(), findings.details());
            case LOG_ONLY -> new Verdict(Decision.LOG_ONLY, PiiRedactGuardrail.DETECTED, message, Optional.empty(),
                    Optional.empty(), findings.details());
            case ALLOW -> new Verdict(Decision.ALLOW, PiiRedactGuardrail.DETECTED, message, Optional.empty(),
                    Optional.empty(), findings.details());
        });
    }

    /**
     * A rewrite verdict for a stream: the rewritten text has already gone out chunk by chunk, so
     * the replacement body is an empty object that carries nothing.
     */
    private static Verdict streamRewrite(String reasonCode, String message, Map<String, Object> details) {
        return new Verdict(Decision.REWRITE, reasonCode, message, Optional.of(JsonNodeFactory.instance.objectNode()),
                Optional.empty(), details);
    }

    private static PiiType typeOf(TextSpan span) {
        for (PiiType type : PiiType.values()) {
            if (type.id().equals(span.type())) {
                return type;
            }
        }
        throw new IllegalStateException("unknown span type " + span.type());
    }
}
