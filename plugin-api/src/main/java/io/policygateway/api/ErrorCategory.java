package io.policygateway.api;

/**
 * The categories every gateway error falls into. One mapper in the kernel turns a category
 * into an HTTP status and a body in the caller's wire format, so plugins only pick the category.
 */
public enum ErrorCategory {
    /** The caller sent something the gateway cannot accept (400). */
    INVALID_REQUEST(400, "invalid_request_error"),
    /** No credential, or a credential the gateway does not recognise (401). */
    AUTHENTICATION(401, "authentication_error"),
    /** A valid credential without access to what was asked (403). */
    PERMISSION(403, "permission_error"),
    /** A policy rule blocked the request or response (403). */
    POLICY_VIOLATION(403, "policy_violation"),
    /** Unknown path or resource (404). */
    NOT_FOUND(404, "not_found_error"),
    /** A known path called with a method it does not support (405). */
    METHOD_NOT_ALLOWED(405, "invalid_request_error"),
    /** The request body is larger than the configured limit (413). */
    PAYLOAD_TOO_LARGE(413, "request_too_large"),
    /** A rate limit, quota or budget was exceeded, here or upstream (429). */
    RATE_LIMITED(429, "rate_limit_error"),
    /** A bug or fault inside the gateway or one of its plugins (500). */
    INTERNAL(500, "internal_error"),
    /** An endpoint or capability the gateway does not provide (501). */
    NOT_IMPLEMENTED(501, "not_implemented_error"),
    /** The upstream answered with an error or garbage, or could not be reached (502). */
    UPSTREAM(502, "upstream_error"),
    /** No target is available to serve the request (503). */
    UNAVAILABLE(503, "service_unavailable"),
    /** The upstream did not answer in time (504). */
    UPSTREAM_TIMEOUT(504, "upstream_timeout");

    private final int status;
    private final String type;

    ErrorCategory(int status, String type) {
        this.status = status;
        this.type = type;
    }

    /** The HTTP status a caller sees for this category. */
    public int status() {
        return status;
    }

    /** The {@code error.type} a caller sees in an OpenAI-shaped error body. */
    public String type() {
        return type;
    }

    /** Whether a failure of this category may succeed on another attempt or another target. */
    public boolean retryable() {
        return this == UPSTREAM || this == UPSTREAM_TIMEOUT || this == UNAVAILABLE || this == RATE_LIMITED;
    }
}
