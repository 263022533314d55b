package io.policygateway.api.guardrail;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * A guardrail's outcome for one hook call.
 *
 * @param decision what to do
 * @param reasonCode a stable upper-case code, e.g. {@code PII_REDACTED}, {@code PROMPT_INJECTION}
 * @param message a human-readable explanation safe to show the caller (no matched secret or PII)
 * @param replacement for {@link Decision#REWRITE}: the new request (before) or response (after)
 *     body, in the canonical OpenAI chat format
 * @param response before the request only: an answer to return instead of calling upstream (a
 *     cache hit), as a canonical {@code chat.completion}
 * @param details extra facts for the decision record, e.g. a score and the signals that fired;
 *     values are strings, numbers, booleans or lists of those
 */
public record Verdict(Decision decision, String reasonCode, String message, Optional<ObjectNode> replacement,
        Optional<ObjectNode> response, Map<String, Object> details) {

    private static final Verdict ALLOW = new Verdict(Decision.ALLOW, "ALLOW", "", Optional.empty(), Optional.empty(), Map.of());

    public Verdict {
        requireNonNull(decision, "decision is null");
        requireNonNull(reasonCode, "reasonCode is null");
        requireNonNull(message, "message is null");
        requireNonNull(replacement, "replacement is null");
        requireNonNull(response, "response is null");
        details = Map.copyOf(details);
        if (decision == Decision.REWRITE && replacement.isEmpty()) {
            throw new IllegalArgumentException("a rewrite needs a replacement body");
        }
    }

    public static Verdict allow() {
        return ALLOW;
    }

    public static Verdict rewrite(String reasonCode, String message, ObjectNode replacement) {
        return new Verdict(Decision.REWRITE, reasonCode, message, Optional.of(replacement), Optional.empty(), Map.of());
    }

    public static Verdict block(String reasonCode, String message) {
        return new Verdict(Decision.BLOCK, reasonCode, message, Optional.empty(), Optional.empty(), Map.of());
    }

    public static Verdict warn(String reasonCode, String message) {
        return new Verdict(Decision.WARN, reasonCode, message, Optional.empty(), Optional.empty(), Map.of());
    }

    public static Verdict logOnly(String reasonCode, String message) {
        return new Verdict(Decision.LOG_ONLY, reasonCode, message, Optional.empty(), Optional.empty(), Map.of());
    }

    /** Answers the request without calling upstream (e.g. a cache hit). */
    public static Verdict respond(String reasonCode, ObjectNode completion) {
        return new Verdict(Decision.ALLOW, reasonCode, "", Optional.empty(), Optional.of(completion), Map.of());
    }

    public Verdict withDetails(Map<String, Object> more) {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(details);
        all.putAll(more);
        return new Verdict(decision, reasonCode, message, replacement, response, all);
    }
}
