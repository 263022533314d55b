package io.policygateway.kernel.policy;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import java.time.Duration;
import java.util.Map;

/** A quota, budget or rate limit refused the request: 429 with {@code Retry-After} and {@code x-ratelimit-*} headers. */
public final class LimitExceededException extends GatewayException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> headers;

    public LimitExceededException(String reasonCode, String message, Duration retryAfter, Map<String, String> headers) {
        super(ErrorCategory.RATE_LIMITED, message, reasonCode, null, 0, retryAfter, null);
        this.headers = Map.copyOf(headers);
    }

    /** The {@code x-ratelimit-*} headers describing the limit that was hit. */
    public Map<String, String> headers() {
        return headers;
    }
}
