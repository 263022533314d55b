package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.guardrail.Decision;
import java.util.Map;
import java.util.Optional;

/**
 * What a hook returned, checked for shape but not yet applied.
 *
 * @param action the decision
 * @param reasonCode the script's reason code, or empty for the action's default
 * @param message the script's message, possibly empty
 * @param request for a rewrite in {@code onRequest}: the new request (model, messages, parameters)
 * @param response for a rewrite in {@code onResponse}: the new choices or text
 * @param text for a rewrite in {@code onStreamChunk}: the text to send instead of the chunk
 * @param details extra facts for the decision record
 */
record ScriptDecision(Decision action, Optional<String> reasonCode, String message, Optional<JsonNode> request,
        Optional<JsonNode> response, Optional<String> text, Map<String, Object> details) {

    ScriptDecision {
        requireNonNull(action, "action is null");
        requireNonNull(reasonCode, "reasonCode is null");
        requireNonNull(message, "message is null");
        requireNonNull(request, "request is null");
        requireNonNull(response, "response is null");
        requireNonNull(text, "text is null");
        details = Map.copyOf(details);
    }

    /** What a hook that returned nothing ({@code undefined} or {@code null}) decided. */
    static final ScriptDecision NOTHING = new ScriptDecision(Decision.ALLOW, Optional.empty(), "", Optional.empty(),
            Optional.empty(), Optional.empty(), Map.of());

    /** The reason code to report: the script's own, or a default naming the action. */
    String effectiveReasonCode() {
        return reasonCode.orElseGet(() -> switch (action) {
            case ALLOW -> "ALLOW";
            case LOG_ONLY -> "SCRIPT_LOG";
            case WARN -> "SCRIPT_WARN";
            case REWRITE -> "SCRIPT_REWRITE";
            case BLOCK -> "SCRIPT_BLOCK";
        });
    }
}
