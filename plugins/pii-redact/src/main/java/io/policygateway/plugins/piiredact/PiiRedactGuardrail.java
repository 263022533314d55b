package io.policygateway.plugins.piiredact;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
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
 * The pii-redact guardrail: finds personal data in requests, answers and streamed answers and
 * redacts, blocks, warns or logs per its settings. In reversible mode the placeholders it put in
 * the request are turned back into the original values in the answer. Thread-safe; per-request
 * state lives in the hook call, the {@link ReversibleMappings} store or the stream guard.
 */
final class PiiRedactGuardrail implements Guardrail {
    static final String REDACTED = "PII_REDACTED";
    static final String DETECTED = "PII_DETECTED";
    static final String RESTORED = "PII_RESTORED";

    private final PiiRedactSettings settings;
    private final PiiDetector detector;
    private final ReversibleMappings mappings;

    PiiRedactGuardrail(PiiRedactSettings settings, PiiDetector detector, ReversibleMappings mappings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.detector = requireNonNull(detector, "detector is null");
        this.mappings = requireNonNull(mappings, "mappings is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) {
        Map<String, List<PiiSpan>> found = new HashMap<>();
        Findings findings = new Findings();
        for (ChatText.Segment segment : ChatText.requestTexts(request.body())) {
            List<PiiSpan> spans = found.computeIfAbsent(segment.text(), detector::detect);
            spans.forEach(span -> findings.add(span.type()));
        }
        if (findings.isEmpty()) {
            return Verdict.allow();
        }
        if (settings.action() != PiiAction.REDACT) {
            return verdictWithoutRewrite(findings, "request");
        }
        Placeholders placeholders = new Placeholders();
        ObjectNode redacted = ChatText.rewriteRequest(request.body(),
                text -> redact(text, found.computeIfAbsent(text, detector::detect), placeholders));
        if (settings.reversible()) {
            mappings.put(request.context().traceId(), placeholders);
        }
        return Verdict.rewrite(REDACTED, "Personal data in the request was replaced with placeholders ("
                + findings.summary() + ").", redacted).withDetails(findings.details());
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) {
        Optional<Placeholders> issued = settings.reversible()
                ? mappings.take(response.request().context().traceId())
                : Optional.empty();
        Map<String, List<PiiSpan>> found = new HashMap<>();
        Findings findings = new Findings();
        int restorable = 0;
        for (ChatText.Segment segment : ChatText.responseTexts(response.body())) {
            found.computeIfAbsent(segment.text(), detector::detect).forEach(span -> findings.add(span.type()));
            restorable += issued.map(placeholders -> placeholders.countRestorable(segment.text())).orElse(0);
        }
        if (!findings.isEmpty() && settings.action() != PiiAction.REDACT) {
            return verdictWithoutRewrite(findings, "response");
        }
        if (findings.isEmpty() && restorable == 0) {
            return Verdict.allow();
        }
        Placeholders placeholders = issued.orElseGet(Placeholders::new);
        ObjectNode rewritten = ChatText.rewriteResponse(response.body(), text -> {
            String redacted = redact(text, found.computeIfAbsent(text, detector::detect), placeholders);
            return issued.isPresent() ? issued.get().restore(redacted) : redacted;
        });
        if (findings.isEmpty()) {
            return Verdict.rewrite(RESTORED, "Placeholders in the answer were restored to the original values.", rewritten)
                    .withDetails(Map.of("restored", restorable));
        }
        Map<String, Object> details = new HashMap<>(findings.details());
        details.put("restored", restorable);
        return Verdict.rewrite(REDACTED, "Personal data in the answer was replaced with placeholders ("
                + findings.summary() + ").", rewritten).withDetails(details);
    }

    @Override
    public StreamGuard openStream(GuardrailRequest request) {
        Optional<Placeholders> issued = settings.reversible()
                ? mappings.take(request.context().traceId())
                : Optional.empty();
        return switch (settings.streamMode()) {
            case WINDOW -> new PiiStreamGuard(settings, detector, issued, settings.streamWindow());
            case BUFFER -> new PiiStreamGuard(settings, detector, issued, settings.streamMaxHold());
            case PASS_THROUGH -> new ObservingStreamGuard(settings.streamMaxHold(), this::observed);
        };
    }

    /** What a pass-through stream records: the findings in the answer, as log-only. */
    private Optional<Verdict> observed(String answer) {
        Findings findings = new Findings();
        detector.detect(answer).forEach(span -> findings.add(span.type()));
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(Decision.LOG_ONLY, DETECTED, "The answer contained personal data ("
                + findings.summary() + "); pass-through streams are not redacted.", Optional.empty(), Optional.empty(),
                findings.details()));
    }

    @Override
    public void onError(GuardrailRequest request, GatewayException error) {
        if (settings.reversible()) {
            mappings.drop(request.context().traceId());
        }
    }

    /** {@code text} with each span replaced by its placeholder. */
    static String redact(String text, List<PiiSpan> spans, Placeholders placeholders) {
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        for (PiiSpan span : spans) {
            out.append(text, position, span.start()).append(placeholders.placeholderFor(span.type(), span.valueIn(text)));
            position = span.end();
        }
        return out.append(text, position, text.length()).toString();
    }

    private Verdict verdictWithoutRewrite(Findings findings, String where) {
        String message = "The " + where + " contains personal data (" + findings.summary() + ").";
        Decision decision = switch (settings.action()) {
            case BLOCK -> Decision.BLOCK;
            case WARN -> Decision.WARN;
            case LOG_ONLY -> Decision.LOG_ONLY;
            case ALLOW -> Decision.ALLOW;
            case REDACT -> throw new IllegalStateException("redaction rewrites the body");
        };
        return new Verdict(decision, DETECTED, message, Optional.empty(), Optional.empty(), findings.details());
    }
}
