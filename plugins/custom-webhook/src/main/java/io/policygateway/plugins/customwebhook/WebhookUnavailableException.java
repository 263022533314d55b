package io.policygateway.plugins.customwebhook;

import static java.util.Objects.requireNonNull;

/** The webhook gave no usable answer. The message is safe to log and show (no body, no secret). */
final class WebhookUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String kind;

    WebhookUnavailableException(String kind, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.kind = requireNonNull(kind, "kind is null");
    }

    /** {@code timeout}, {@code unreachable}, {@code status} or {@code invalid_response}. */
    String kind() {
        return kind;
    }
}
