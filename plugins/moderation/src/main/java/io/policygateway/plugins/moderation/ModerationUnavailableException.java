package io.policygateway.plugins.moderation;

import static java.util.Objects.requireNonNull;

/**
 * The moderation endpoint gave no usable answer: unreachable, too slow, an error status, or a body
 * that is not a moderation result. The message is safe to log and show (no text, no key).
 */
final class ModerationUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String kind;

    ModerationUnavailableException(String kind, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.kind = requireNonNull(kind, "kind is null");
    }

    /** {@code timeout}, {@code unreachable}, {@code status} or {@code invalid_response}. */
    String kind() {
        return kind;
    }
}
