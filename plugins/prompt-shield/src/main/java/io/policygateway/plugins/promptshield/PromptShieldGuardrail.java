package io.policygateway.plugins.promptshield;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.guardrail.ChatText;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.Verdict;
import io.policygateway.plugins.promptshield.classifier.InjectionAssessment;
import io.policygateway.plugins.promptshield.classifier.InjectionClassifier;
import io.policygateway.plugins.promptshield.classifier.Provenance;
import io.policygateway.plugins.promptshield.classifier.Signal;
import io.policygateway.plugins.promptshield.classifier.SignalFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores every scanned message of a request (user messages and tool results by default; the
 * operator's system prompt is trusted) and applies the configured action when the highest score
 * reaches the threshold. The decision's details carry the score, the threshold, the signals that
 * fired and which message scored highest, never the text. Thread-safe.
 */
final class PromptShieldGuardrail implements Guardrail {
    static final String REASON = "PROMPT_INJECTION";
    private static final int MAX_REPORTED_SIGNALS = 8;

    private final PromptShieldConfig config;
    private final InjectionClassifier classifier;

    PromptShieldGuardrail(PromptShieldConfig config, InjectionClassifier classifier) {
        this.config = requireNonNull(config, "config is null");
        this.classifier = requireNonNull(classifier, "classifier is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) {
        InjectionAssessment worst = InjectionAssessment.clean();
        ChatText.Segment worstSegment = null;
        for (ChatText.Segment segment : ChatText.requestTexts(request.body())) {
            if (!config.roles().contains(segment.role())) {
                continue;
            }
            Provenance provenance = segment.role().equals("tool") || segment.role().equals("function")
                    ? Provenance.TOOL : Provenance.USER;
            InjectionAssessment assessment = classifier.assess(segment.text(), provenance);
            if (assessment.score() > worst.score()) {
                worst = assessment;
                worstSegment = segment;
            }
        }
        if (worstSegment == null || worst.score() < config.threshold()) {
            return Verdict.allow();
        }
        List<String> families = worst.families().stream().map(SignalFamily::wireName).sorted().toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("score", worst.score());
        details.put("threshold", config.threshold());
        details.put("signals", worst.signals().stream().limit(MAX_REPORTED_SIGNALS).map(Signal::label).toList());
        details.put("families", families);
        details.put("message", worstSegment.path());
        details.put("role", worstSegment.role());
        String message = String.format(java.util.Locale.ROOT,
                "The %s message looks like a prompt-injection attempt (score %.2f, threshold %.2f: %s).",
                worstSegment.role(), worst.score(), config.threshold(), String.join(", ", families));
        return config.action().verdict(REASON, message, details);
    }
}
