package io.policygateway.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * The one exception type that crosses the plugin boundary. It carries a category (which decides
 * the HTTP status), a message safe to show the caller, and optionally an error code, the request
 * field at fault, the upstream status that caused it and a {@code Retry-After} delay.
 *
 * <p>Messages must never contain secrets or prompt text: they are returned to callers and logged.
 */
public class GatewayException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCategory category;
    private final String code;
    private final String param;
    private final int upstreamStatus;
    private final Duration retryAfter;

    public GatewayException(ErrorCategory category, String message) {
        this(category, message, null, null, 0, null, null);
    }

    public GatewayException(ErrorCategory category, String message, Throwable cause) {
        this(category, message, null, null, 0, null, cause);
    }

    public GatewayException(ErrorCategory category, String message, String code, String param,
            int upstreamStatus, Duration retryAfter, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause, false, cause != null);
        this.category = requireNonNull(category, "category is null");
        this.code = code;
        this.param = param;
        this.upstreamStatus = upstreamStatus;
        this.retryAfter = retryAfter;
    }

    public static GatewayException invalid(String param, String message) {
        return new GatewayException(ErrorCategory.INVALID_REQUEST, message, null, param, 0, null, null);
    }

    public static GatewayException policy(String reasonCode, String message) {
        return new GatewayException(ErrorCategory.POLICY_VIOLATION, message, reasonCode, null, 0, null, null);
    }

    public ErrorCategory category() {
        return category;
    }

    /** Machine-readable code ({@code error.code}), e.g. a policy reason code. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The request field at fault ({@code error.param}). */
    public Optional<String> param() {
        return Optional.ofNullable(param);
    }

    /** The upstream's HTTP status when the error came from an upstream answer, else 0. */
    public int upstreamStatus() {
        return upstreamStatus;
    }

    /** How long the caller should wait before retrying, when known. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The HTTP status the caller receives. */
    public int status() {
        return category.status();
    }
}
