package io.policygateway.api.routing;

import java.util.Optional;

/**
 * The result of one attempt against a target.
 *
 * @param success whether the attempt produced an answer
 * @param latencyMillis time to the answer's headers (first byte for streams)
 * @param status the upstream status, 0 when there was none (connection error, timeout)
 * @param error a short description of the failure, if any
 */
public record AttemptOutcome(boolean success, double latencyMillis, int status, Optional<String> error) {
}
