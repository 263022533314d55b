package io.policygateway.plugins.moderation;

import io.policygateway.api.guardrail.SentenceWindow;
import static java.util.Objects.requireNonNull;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.guardrail.ChatText;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sends the configured request messages (before the request) or the model's answer (after it, or
 * at the end of a stream) to the moderation endpoint in one call, and applies the action when a
 * result is flagged in a configured category. When the endpoint is unavailable: fail-open records
 * a {@code log-only} decision {@code MODERATION_UNAVAILABLE} and lets the text through; fail-closed
 * (the default) throws, which the gateway answers with 503 {@code GUARDRAIL_UNAVAILABLE}. Details
 * name the categories and scores, never the text. Thread-safe.
 */
final class ModerationGuardrail implements Guardrail {
    static final String FLAGGED = "MODERATION_FLAGGED";
    static final String UNAVAILABLE = "MODERATION_UNAVAILABLE";

    private final ModerationConfig config;
    private final ModerationClient client;

    ModerationGuardrail(ModerationConfig config, ModerationClient client) {
        this.config = requireNonNull(config, "config is null");
        this.client = requireNonNull(client, "client is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) throws GatewayException {
        return moderate(ChatText.requestTexts(request.body()).stream()
                .filter(segment -> config.roles().contains(segment.role()) && !segment.text().isBlank()).toList(), "request");
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) throws GatewayException {
        return moderate(ChatText.responseTexts(response.body()).stream().filter(segment -> !segment.text().isBlank()).toList(),
                "response");
    }

    @Override
    public StreamGuard openStream(GuardrailRequest request) {
        return new SentenceWindow(config.stream(), text -> {
            try {
                return Optional.of(moderate(List.of(new ChatText.Segment("assistant", "stream", text)), "response"));
            } catch (GatewayException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private Verdict moderate(List<ChatText.Segment> segments, String side) throws GatewayException {
        if (segments.isEmpty()) {
            return Verdict.allow();
        }
        List<ModerationResult> results;
        try {
            results = client.moderate(segments.stream().map(ChatText.Segment::text).toList());
        } catch (ModerationUnavailableException e) {
            if (config.failOpen()) {
                return new Verdict(Decision.LOG_ONLY, UNAVAILABLE, "Moderation was unavailable (" + e.getMessage()
                        + "); the " + side + " was let through (fail-open).", Optional.empty(), Optional.empty(),
                        Map.of("error", e.kind(), "fail_open", true));
            }
            throw new GatewayException(e.kind().equals("timeout") ? ErrorCategory.UPSTREAM_TIMEOUT : ErrorCategory.UNAVAILABLE,
                    "Moderation was unavailable (" + e.getMessage() + ") and fails closed.", UNAVAILABLE, null, 0, null, null);
        }
        Map<String, Double> triggered = new TreeMap<>();
        String where = "";
        for (int i = 0; i < results.size(); i++) {
            Map<String, Double> found = triggered(results.get(i));
            if (!found.isEmpty() && where.isEmpty()) {
                where = segments.get(i).path();
            }
            found.forEach((category, score) -> triggered.merge(category, score, Math::max));
        }
        if (triggered.isEmpty()) {
            return Verdict.allow();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("categories", List.copyOf(triggered.keySet()));
        Map<String, Object> scores = new LinkedHashMap<>();
        triggered.forEach((category, score) -> scores.put(category, Math.round(score * 1000) / 1000.0));
        details.put("scores", scores);
        details.put("model", config.model());
        details.put("message", where);
        return config.action().verdict(FLAGGED, "The " + side + " was flagged by moderation: "
                + String.join(", ", triggered.keySet()) + ".", details);
    }

    /** The categories of one result that count, with their scores. */
    private Map<String, Double> triggered(ModerationResult result) {
        Map<String, Double> found = new TreeMap<>();
        if (config.categories().isEmpty()) {
            if (result.flagged()) {
                result.categories().forEach((category, applies) -> {
                    if (applies) {
                        found.put(category, result.scores().getOrDefault(category, 0.0));
                    }
                });
                if (found.isEmpty()) {
                    found.put("flagged", 1.0);
                }
            }
            return found;
        }
        for (String listed : config.categories()) {
            result.categories().forEach((category, applies) -> {
                boolean matches = category.equals(listed) || category.startsWith(listed + "/");
                double score = result.scores().getOrDefault(category, 0.0);
                boolean scored = config.threshold().isPresent() && score >= config.threshold().getAsDouble();
                if (matches && (applies || scored)) {
                    found.put(category, score);
                }
            });
        }
        return found;
    }
}
