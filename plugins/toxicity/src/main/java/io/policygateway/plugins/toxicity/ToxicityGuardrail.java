package io.policygateway.plugins.toxicity;

import io.policygateway.api.guardrail.SentenceWindow;
import static java.util.Objects.requireNonNull;

import io.policygateway.api.guardrail.ChatText;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import io.policygateway.plugins.toxicity.classifier.ToxicityAssessment;
import io.policygateway.plugins.toxicity.classifier.ToxicityCategory;
import io.policygateway.plugins.toxicity.classifier.ToxicityClassifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the configured request messages before the request goes upstream, and the model's answer
 * (whole or streamed) before the caller sees it. The decision's details carry the score, the
 * threshold, the signals and where the text was, never the text. Thread-safe.
 */
final class ToxicityGuardrail implements Guardrail {
    static final String REASON = "TOXIC_CONTENT";

    private final ToxicityConfig config;
    private final ToxicityClassifier classifier;

    ToxicityGuardrail(ToxicityConfig config, ToxicityClassifier classifier) {
        this.config = requireNonNull(config, "config is null");
        this.classifier = requireNonNull(classifier, "classifier is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) {
        return worst(ChatText.requestTexts(request.body()).stream().filter(segment -> config.roles().contains(segment.role()))
                .toList(), "request");
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) {
        return worst(ChatText.responseTexts(response.body()), "response");
    }

    @Override
    public StreamGuard openStream(GuardrailRequest request) {
        return new SentenceWindow(config.stream(), text -> Optional.of(judge(classifier.assess(text), "stream", "response")));
    }

    private Verdict worst(List<ChatText.Segment> segments, String side) {
        ToxicityAssessment worst = ToxicityAssessment.clean();
        String where = "";
        for (ChatText.Segment segment : segments) {
            ToxicityAssessment assessment = classifier.assess(segment.text());
            if (assessment.score() > worst.score()) {
                worst = assessment;
                where = segment.path();
            }
        }
        return judge(worst, where, side);
    }

    private Verdict judge(ToxicityAssessment assessment, String where, String side) {
        if (assessment.score() < config.threshold()) {
            return Verdict.allow();
        }
        List<String> categories = assessment.categories().stream().map(ToxicityCategory::wireName).sorted().toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("score", assessment.score());
        details.put("threshold", config.threshold());
        details.put("signals", assessment.labels());
        details.put("categories", categories);
        details.put("message", where);
        String message = String.format(Locale.ROOT, "The %s contains toxic language (%s; score %.2f, threshold %.2f).", side,
                String.join(", ", categories), assessment.score(), config.threshold());
        return config.action().verdict(REASON, message, details);
    }
}
