package io.policygateway.api.http;

import io.policygateway.api.GatewayException;

/**
 * The gateway→provider leg. Implemented by the kernel over a pooled HTTP client; safe for
 * concurrent use from any thread, including virtual threads.
 */
public interface UpstreamClient {

    /**
     * Sends a request and returns once the status line and headers have arrived (or the first-byte
     * timeout has passed). The body is then read from {@link UpstreamResponse#body()} as it arrives.
     *
     * @throws GatewayException {@code UPSTREAM} when the upstream cannot be reached,
     *     {@code UPSTREAM_TIMEOUT} when it does not answer in time
     */
    UpstreamResponse send(UpstreamRequest request) throws GatewayException;
}
