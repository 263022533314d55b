package io.policygateway.api.guardrail;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
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
 * @param rateLimit for a {@link Decision#BLOCK} only: the block is a rate limit, answered with 429,
 *     {@code Retry-After} and {@code x-ratelimit-*} headers instead of 403 (see {@link #rateLimited})
 */
public record Verdict(Decision decision, String reasonCode, String message, Optional<ObjectNode> replacement,
        Optional<ObjectNode> response, Map<String, Object> details, Optional<RateLimit> rateLimit) {

    private static final Verdict ALLOW = new Verdict(Decision.ALLOW, "ALLOW", "", Optional.empty(), Optional.empty(), Map.of());

    public Verdict {
        requireNonNull(decision, "decision is null");
        requireNonNull(reasonCode, "reasonCode is null");
        requireNonNull(message, "message is null");
        requireNonNull(replacement, "replacement is null");
        requireNonNull(response, "response is null");
        details = Map.copyOf(details);
        requireNonNull(rateLimit, "rateLimit is null");
        if (decision == Decision.REWRITE && replacement.isEmpty()) {
            throw new IllegalArgumentException("a rewrite needs a replacement body");
        }
        if (rateLimit.isPresent() && decision != Decision.BLOCK) {
            throw new IllegalArgumentException("only a block can be a rate limit");
        }
    }

    /** A verdict that is not a rate limit (the form every verdict had before {@link #rateLimit} existed). */
    public Verdict(Decision decision, String reasonCode, String message, Optional<ObjectNode> replacement,
            Optional<ObjectNode> response, Map<String, Object> details) {
        this(decision, reasonCode, message, replacement, response, details, Optional.empty());
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

    /**
     * Refuses the request because the caller exceeded a rate limit: the kernel answers 429 with
     * {@code error.code} = {@code reasonCode}, {@code Retry-After} = {@code retryAfter} rounded up to
     * whole seconds (at least 1), and the given {@code x-ratelimit-*} headers.
     */
    public static Verdict rateLimited(String reasonCode, String message, Duration retryAfter, Map<String, String> headers) {
        return new Verdict(Decision.BLOCK, reasonCode, message, Optional.empty(), Optional.empty(), Map.of(),
                Optional.of(new RateLimit(retryAfter, headers)));
    }

    public Verdict withDetails(Map<String, Object> more) {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(details);
        all.putAll(more);
        return new Verdict(decision, reasonCode, message, replacement, response, all, rateLimit);
    }
}
