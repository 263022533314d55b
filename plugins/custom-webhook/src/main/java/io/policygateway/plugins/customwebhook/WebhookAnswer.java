package io.policygateway.plugins.customwebhook;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.guardrail.Decision;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the webhook answered: {@code {"decision", "reason_code"?, "message"?, "replacement"?}}.
 *
 * @param decision allow, block, warn, log-only or rewrite (allow with a replacement is a rewrite)
 * @param reasonCode the webhook's upper-case code, or the default for the decision
 * @param message shown to the caller on a block
 * @param replacement the new request (before) or completion (after) for a rewrite
 */
record WebhookAnswer(Decision decision, String reasonCode, String message, Optional<ObjectNode> replacement) {
    private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final int MAX_MESSAGE = 500;

    WebhookAnswer {
        requireNonNull(decision, "decision is null");
        requireNonNull(reasonCode, "reasonCode is null");
        requireNonNull(message, "message is null");
        requireNonNull(replacement, "replacement is null");
    }

    /**
     * Reads and checks an answer.
     *
     * @param replacementField the array a replacement must have: {@code messages} (a request) or
     *     {@code choices} (a completion)
     */
    static WebhookAnswer parse(JsonNode answer, String replacementField) throws WebhookUnavailableException {
        if (!answer.isObject()) {
            throw invalid("the webhook's answer is not a JSON object");
        }
        String name = answer.path("decision").asText("").toLowerCase(Locale.ROOT);
        Decision decision = switch (name) {
            case "allow" -> Decision.ALLOW;
            case "block" -> Decision.BLOCK;
            case "warn" -> Decision.WARN;
            case "log-only", "log_only" -> Decision.LOG_ONLY;
            case "rewrite" -> Decision.REWRITE;
            default -> throw invalid("the webhook's decision '" + name + "' is not allow, block, warn, log-only or rewrite");
        };
        Optional<ObjectNode> replacement = Optional.empty();
        JsonNode given = answer.path("replacement");
        if (!given.isMissingNode() && !given.isNull()) {
            if (!given.isObject() || !given.path(replacementField).isArray()) {
                throw invalid("the webhook's replacement must be an object with a '" + replacementField + "' array");
            }
            replacement = Optional.of((ObjectNode) given);
            if (decision == Decision.ALLOW) {
                decision = Decision.REWRITE;
            }
        }
        if (decision == Decision.REWRITE && replacement.isEmpty()) {
            throw invalid("the webhook answered rewrite without a replacement");
        }
        String reason = answer.path("reason_code").asText("");
        if (reason.isEmpty()) {
            reason = defaultReason(decision);
        } else if (!REASON.matcher(reason).matches()) {
            throw invalid("the webhook's reason_code must be upper-case letters, digits and '_'");
        }
        String message = answer.path("message").asText("");
        return new WebhookAnswer(decision, reason, message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message,
                replacement);
    }

    private static String defaultReason(Decision decision) {
        return switch (decision) {
            case BLOCK -> "WEBHOOK_BLOCK";
            case WARN -> "WEBHOOK_WARN";
            case LOG_ONLY -> "WEBHOOK_LOG";
            case REWRITE -> "WEBHOOK_REWRITE";
            case ALLOW -> "ALLOW";
        };
    }

    private static WebhookUnavailableException invalid(String message) {
        return new WebhookUnavailableException("invalid_response", message);
    }
}
