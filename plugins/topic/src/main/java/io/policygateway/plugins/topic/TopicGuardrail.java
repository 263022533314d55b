package io.policygateway.plugins.topic;

import io.policygateway.api.guardrail.SentenceWindow;
import static java.util.Objects.requireNonNull;

import io.policygateway.api.guardrail.ChatText;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import io.policygateway.plugins.topic.classifier.TopicAssessment;
import io.policygateway.plugins.topic.classifier.TopicClassifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the topics of the configured request messages (before the request) and of the model's
 * answer (whole or streamed), and applies the action when a denied topic, or in allow mode any
 * recognised topic not allowed, comes up. Details name the topics and their scores, never the
 * text. Thread-safe.
 */
final class TopicGuardrail implements Guardrail {
    static final String REASON = "TOPIC_DENIED";

    private final TopicConfig config;
    private final TopicClassifier classifier;

    TopicGuardrail(TopicConfig config, TopicClassifier classifier) {
        this.config = requireNonNull(config, "config is null");
        this.classifier = requireNonNull(classifier, "classifier is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) {
        return first(ChatText.requestTexts(request.body()).stream().filter(segment -> config.roles().contains(segment.role()))
                .toList(), "request");
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) {
        return first(ChatText.responseTexts(response.body()), "response");
    }

    @Override
    public StreamGuard openStream(GuardrailRequest request) {
        return new SentenceWindow(config.stream(), text -> judge(classifier.assess(text), "stream", "response"));
    }

    /** The verdict for the first segment that violates the policy, or allow. */
    private Verdict first(List<ChatText.Segment> segments, String side) {
        for (ChatText.Segment segment : segments) {
            Optional<Verdict> verdict = judge(classifier.assess(segment.text()), segment.path(), side);
            if (verdict.isPresent()) {
                return verdict.get();
            }
        }
        return Verdict.allow();
    }

    private Optional<Verdict> judge(TopicAssessment assessment, String where, String side) {
        Set<String> violating = new TreeSet<>();
        for (String topic : assessment.names()) {
            boolean listed = config.topics().contains(topic);
            if (config.mode() == TopicConfig.Mode.DENY ? listed : !listed) {
                violating.add(topic);
            }
        }
        if (violating.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topics", List.copyOf(violating));
        details.put("mode", config.mode().name().toLowerCase(java.util.Locale.ROOT));
        details.put("scores", Map.copyOf(assessment.presentScores()));
        details.put("message", where);
        String message = config.mode() == TopicConfig.Mode.DENY
                ? "The " + side + " is about a topic this policy does not allow: " + String.join(", ", violating) + "."
                : "The " + side + " is about a topic outside the allowed ones: " + String.join(", ", violating) + ".";
        return Optional.of(config.action().verdict(REASON, message, details));
    }
}
