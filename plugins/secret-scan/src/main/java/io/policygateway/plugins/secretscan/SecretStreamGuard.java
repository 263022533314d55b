package io.policygateway.plugins.secretscan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.HoldBackStreamGuard;
import io.policygateway.api.guardrail.TextSpan;
import io.policygateway.api.guardrail.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Watches one streamed answer: a credential is blocked or redacted before the caller sees any of
 * it, even when split across chunks. A private key block is held back until its END line, up to
 * {@code streamMaxHold} characters; a longer one ends the stream whatever the action, since the
 * rest of it could not be recognised once released. One instance per stream; not thread-safe.
 */
final class SecretStreamGuard extends HoldBackStreamGuard {
    private final SecretScanSettings settings;
    private final SecretDetector detector;
    private final Placeholders placeholders = new Placeholders();
    private final Findings findings = new Findings();

    /** @param window characters always held back; {@code settings.streamMaxHold()} to buffer the answer */
    SecretStreamGuard(SecretScanSettings settings, SecretDetector detector, int window) {
        super(window, settings.streamMaxHold());
        this.settings = settings;
        this.detector = detector;
    }

    @Override
    protected List<TextSpan> find(String text) {
        List<TextSpan> spans = new ArrayList<>();
        for (SecretSpan span : detector.detect(text)) {
            spans.add(span.toTextSpan());
        }
        return spans;
    }

    @Override
    protected Outcome onSpan(TextSpan span, String value, boolean truncated) {
        SecretType type = typeOf(span);
        findings.add(type);
        if (settings.action() == SecretAction.BLOCK || (truncated && type == SecretType.PRIVATE_KEY)) {
            return new Outcome.Block(new Verdict(Decision.BLOCK, SecretScanGuardrail.DETECTED,
                    "The answer contains credentials (" + findings.summary() + ").", Optional.empty(), Optional.empty(),
                    findings.details()));
        }
        return switch (settings.action()) {
            case REDACT -> new Outcome.Replace(placeholders.placeholderFor(type, value));
            case WARN, LOG_ONLY, ALLOW, BLOCK -> new Outcome.Keep();
        };
    }

    @Override
    protected Optional<Verdict> summary() {
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        if (settings.action() == SecretAction.REDACT) {
            return Optional.of(new Verdict(Decision.REWRITE, SecretScanGuardrail.REDACTED,
                    "Credentials in the answer were replaced with placeholders (" + findings.summary() + ").",
                    Optional.of(JsonNodeFactory.instance.objectNode()), Optional.empty(), findings.details()));
        }
        return Optional.of(SecretScanGuardrail.detected(settings.action(),
                "The answer contains credentials (" + findings.summary() + ").", findings));
    }

    private static SecretType typeOf(TextSpan span) {
        for (SecretType type : SecretType.values()) {
            if (type.id().equals(span.type())) {
                return type;
            }
        }
        throw new IllegalStateException("unknown span type " + span.type());
    }
}
