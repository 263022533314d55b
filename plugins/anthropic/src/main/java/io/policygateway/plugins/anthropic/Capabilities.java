package io.policygateway.plugins.anthropic;

import io.policygateway.api.GatewayException;

/** The error for a capability Anthropic does not offer. */
final class Capabilities {

    private Capabilities() {
    }

    /** An {@code INVALID_REQUEST} naming the provider and the missing capability. */
    static GatewayException unsupported(String provider, String capability) {
        return GatewayException.invalid(null, "provider '" + provider + "' (anthropic) does not support " + capability);
    }

    /** The same, naming the request field that asked for it. */
    static GatewayException unsupported(String provider, String field, String capability) {
        return GatewayException.invalid(field, "provider '" + provider + "' (anthropic) does not support " + capability
                + " (" + field + ")");
    }
}
