package io.policygateway.kernel.pipeline;

import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import java.io.IOException;

/**
 * Handles one route. Called on the request's virtual thread after authentication. Either sends a
 * response through the call's exchange or throws a {@link GatewayException}, which the router
 * turns into an error in {@link #errorFormat()}.
 */
public interface Endpoint {

    /** The wire format errors from this endpoint are written in. */
    WireFormat errorFormat();

    /** Whether the route needs a credential when keys are configured. */
    default boolean authenticated() {
        return true;
    }

    /** Whether Anthropic's {@code x-api-key} header is accepted as the credential. */
    default boolean acceptsApiKeyHeader() {
        return false;
    }

    void handle(RequestCall call) throws GatewayException, IOException;
}
