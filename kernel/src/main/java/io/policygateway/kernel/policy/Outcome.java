package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.Usage;
import java.util.Optional;

/**
 * How a request ended, for settling quotas and writing audit records.
 *
 * @param provider the provider that served it, or empty when none did
 * @param model the model that served it
 * @param usage tokens used (zero when the request failed before the upstream)
 * @param request the request as sent upstream, after rewrites
 * @param response the whole response, when it was not streamed
 * @param streamedText the text the client received, for streams
 * @param status the HTTP status the client got
 */
public record Outcome(String provider, String model, Usage usage, Optional<ObjectNode> request, Optional<ObjectNode> response,
        String streamedText, int status) {
    public Outcome {
        requireNonNull(provider, "provider is null");
        requireNonNull(model, "model is null");
        requireNonNull(usage, "usage is null");
        requireNonNull(request, "request is null");
        requireNonNull(response, "response is null");
        requireNonNull(streamedText, "streamedText is null");
    }
}
