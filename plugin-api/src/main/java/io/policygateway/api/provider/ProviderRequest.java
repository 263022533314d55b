package io.policygateway.api.provider;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import java.time.Duration;
import java.util.Map;

/**
 * One call to a provider, already in a format the provider accepts.
 *
 * @param format the format of {@code body}, one of {@link Provider#formats()}
 * @param model the model to ask for (aliases resolved, target override applied)
 * @param body the request body; gateway-only fields have been removed. Treat as read-only.
 * @param stream whether the caller wants a stream
 * @param context who is asking, for headers such as {@code traceparent}
 * @param forwardHeaders caller headers the provider may forward (e.g. {@code anthropic-version},
 *     {@code anthropic-beta}, {@code traceparent}); never credentials
 * @param firstByteTimeout how long to wait for the upstream's first byte
 * @param idleTimeout how long a stream may stay silent
 */
public record ProviderRequest(WireFormat format, String model, ObjectNode body, boolean stream,
        PolicyContext context, Map<String, String> forwardHeaders, Duration firstByteTimeout, Duration idleTimeout) {

    public ProviderRequest {
        requireNonNull(format, "format is null");
        requireNonNull(model, "model is null");
        requireNonNull(body, "body is null");
        requireNonNull(context, "context is null");
        forwardHeaders = Map.copyOf(forwardHeaders);
        requireNonNull(firstByteTimeout, "firstByteTimeout is null");
        requireNonNull(idleTimeout, "idleTimeout is null");
    }
}
