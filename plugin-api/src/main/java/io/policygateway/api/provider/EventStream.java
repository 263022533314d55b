package io.policygateway.api.provider;

import io.policygateway.api.GatewayException;
import io.policygateway.api.http.SseEvent;
import java.util.Optional;

/**
 * A pull-based stream of events from a provider. Not thread-safe: one reader. {@link #close()}
 * is idempotent and aborts the upstream call if it has not finished (client went away).
 */
public interface EventStream extends AutoCloseable {

    /**
     * Blocks until the next event and returns it, or returns empty when the stream ended cleanly.
     *
     * @throws GatewayException when the upstream fails mid-stream, sends garbage, or stalls
     *     past the idle timeout; the stream must then not be read again
     */
    Optional<SseEvent> next() throws GatewayException;

    @Override
    void close();
}
