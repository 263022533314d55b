package io.policygateway.plugins.secretscan;

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

/**
 * The secret-scan guardrail: finds credentials in requests, answers and streamed answers and
 * blocks, redacts, warns or logs per its settings. Thread-safe; it keeps no per-request state.
 */
final class SecretScanGuardrail implements Guardrail {
    static final String DETECTED = "SECRET_DETECTED";
    static final String REDACTED = "SECRET_REDACTED";

    private final SecretScanSettings settings;
    private final SecretDetector detector;

    SecretScanGuardrail(SecretScanSettings settings, SecretDetector detector) {
        this.settings = requireNonNull(settings, "settings is null");
        this.detector = requireNonNull(detector, "detector is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) {
        return scan(ChatText.requestTexts(request.body()), "request",
                (found, placeholders) -> ChatText.rewriteRequest(request.body(), text -> redact(text, found, placeholders)));
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) {
        return scan(ChatText.responseTexts(response.body()), "answer",
                (found, placeholders) -> ChatText.rewriteResponse(response.body(), text -> redact(text, found, placeholders)));
    }

    @Override
    public StreamGuard openStream(GuardrailRequest request) {
        return switch (settings.streamMode()) {
            case WINDOW -> new SecretStreamGuard(settings, detector, settings.streamWindow());
            case BUFFER -> new SecretStreamGuard(settings, detector, settings.streamMaxHold());
            case PASS_THROUGH -> new ObservingStreamGuard(settings.streamMaxHold(), this::observed);
        };
    }

    /** What a pass-through stream records: the credentials in the answer, as log-only. */
    private Optional<Verdict> observed(String answer) {
        Findings findings = new Findings();
        detector.detect(answer).forEach(span -> findings.add(span.type()));
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(detected(SecretAction.LOG_ONLY, "The answer contained credentials (" + findings.summary()
                + "); pass-through streams are not redacted.", findings));
    }

    private interface Rewriter {
        ObjectNode rewrite(Map<String, List<SecretSpan>> found, Placeholders placeholders);
    }

    private Verdict scan(List<ChatText.Segment> segments, String where, Rewriter rewriter) {
        Map<String, List<SecretSpan>> found = new HashMap<>();
        Findings findings = new Findings();
        for (ChatText.Segment segment : segments) {
            found.computeIfAbsent(segment.text(), detector::detect).forEach(span -> findings.add(span.type()));
        }
        if (findings.isEmpty()) {
            return Verdict.allow();
        }
        if (settings.action() == SecretAction.REDACT) {
            ObjectNode redacted = rewriter.rewrite(found, new Placeholders());
            return Verdict.rewrite(REDACTED, "Credentials in the " + where + " were replaced with placeholders ("
                    + findings.summary() + ").", redacted).withDetails(findings.details());
        }
        return detected(settings.action(), "The " + where + " contains credentials (" + findings.summary() + ").", findings);
    }

    /** The verdict for a finding that is not redacted. */
    static Verdict detected(SecretAction action, String message, Findings findings) {
        Decision decision = switch (action) {
            case BLOCK -> Decision.BLOCK;
            case WARN -> Decision.WARN;
            case LOG_ONLY -> Decision.LOG_ONLY;
            case ALLOW -> Decision.ALLOW;
            case REDACT -> throw new IllegalArgumentException("redaction rewrites the body");
        };
        return new Verdict(decision, DETECTED, message, Optional.empty(), Optional.empty(), findings.details());
    }

    private String redact(String text, Map<String, List<SecretSpan>> found, Placeholders placeholders) {
        List<SecretSpan> spans = found.computeIfAbsent(text, detector::detect);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        for (SecretSpan span : spans) {
            out.append(text, position, span.start()).append(placeholders.placeholderFor(span.type(), span.valueIn(text)));
            position = span.end();
        }
        return out.append(text, position, text.length()).toString();
    }
}
