package io.policygateway.plugins.requestlogger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of the request log. Bodies and the error are already masked and cut to size.
 *
 * @param time when the request finished (or failed)
 * @param traceId the request's trace id, as in the access log and policy events
 * @param project the project ({@code X-Policy-Project} or the key's), if any
 * @param user the end user ({@code X-Policy-User}), if any
 * @param target the target label ({@code X-Policy-Target}), if any
 * @param keyName the name of the gateway key or JWT subject, if any
 * @param model the model that served the answer (or the requested one when it failed)
 * @param provider the provider that served it, when known
 * @param status the HTTP status the caller got
 * @param outcome {@code ok}, or the error code ({@code RATE_LIMITED}, {@code PII_DETECTED}, …)
 *     or error type ({@code upstream_error}, …)
 * @param stream whether the answer was streamed
 * @param inputTokens prompt tokens, when the upstream reported them
 * @param outputTokens output tokens, when the upstream reported them
 * @param latencyMillis time spent upstream, when known
 * @param requestBody the request as it went upstream, with {@code log_bodies} only
 * @param responseBody the answer as the caller got it, with {@code log_bodies} only
 * @param error the error message the caller got, for failed requests
 */
record RequestRecord(Instant time, String traceId, Optional<String> project, Optional<String> user, Optional<String> target,
        Optional<String> keyName, Optional<String> model, Optional<String> provider, int status, String outcome, boolean stream,
        OptionalLong inputTokens, OptionalLong outputTokens, OptionalLong latencyMillis, Optional<String> requestBody,
        Optional<String> responseBody, Optional<String> error) {
    RequestRecord {
        requireNonNull(time, "time is null");
        requireNonNull(traceId, "traceId is null");
        requireNonNull(project, "project is null");
        requireNonNull(user, "user is null");
        requireNonNull(target, "target is null");
        requireNonNull(keyName, "keyName is null");
        requireNonNull(model, "model is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(inputTokens, "inputTokens is null");
        requireNonNull(outputTokens, "outputTokens is null");
        requireNonNull(latencyMillis, "latencyMillis is null");
        requireNonNull(requestBody, "requestBody is null");
        requireNonNull(responseBody, "responseBody is null");
        requireNonNull(error, "error is null");
    }
}
