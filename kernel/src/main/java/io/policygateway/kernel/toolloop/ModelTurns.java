package io.policygateway.kernel.toolloop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.provider.ProviderResponse;

/** The gateway→provider leg of one model turn, as the tool loop sees it (the endpoint routes and records it). */
@FunctionalInterface
public interface ModelTurns {

    /**
     * Sends one Chat Completions request.
     *
     * @param body the request in OpenAI chat format, with the gateway's tools and the turns so far
     * @param stream whether to ask for a streamed answer
     * @throws GatewayException when no provider answers; it ends the loop and reaches the caller
     */
    ProviderResponse call(ObjectNode body, boolean stream) throws GatewayException;
}
