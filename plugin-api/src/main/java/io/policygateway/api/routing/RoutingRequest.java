package io.policygateway.api.routing;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;

/**
 * What a strategy may look at to choose targets.
 *
 * @param model the requested model after alias resolution
 * @param requestedModel the model name exactly as the caller sent it
 * @param format the caller's wire format
 * @param stream whether the caller asked for a stream
 * @param estimatedInputTokens an estimate of the prompt's tokens
 * @param estimatedOutputTokens the caller's max tokens, or a default estimate
 * @param context project, user, target label and headers
 */
public record RoutingRequest(String model, String requestedModel, WireFormat format, boolean stream,
        long estimatedInputTokens, long estimatedOutputTokens, PolicyContext context) {

    public RoutingRequest {
        requireNonNull(model, "model is null");
        requireNonNull(requestedModel, "requestedModel is null");
        requireNonNull(format, "format is null");
        requireNonNull(context, "context is null");
    }
}
