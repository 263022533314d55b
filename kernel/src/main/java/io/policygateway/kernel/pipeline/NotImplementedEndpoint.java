package io.policygateway.kernel.pipeline;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;

/** A known endpoint this build does not serve: a clear 501 in the caller's format, never a stack trace. */
public final class NotImplementedEndpoint implements Endpoint {
    private final WireFormat format;
    private final String message;

    public NotImplementedEndpoint(WireFormat format, String message) {
        this.format = format;
        this.message = message;
    }

    @Override
    public WireFormat errorFormat() {
        return format;
    }

    @Override
    public void handle(RequestCall call) throws GatewayException {
        throw new GatewayException(ErrorCategory.NOT_IMPLEMENTED, message);
    }
}
