package io.policygateway.api.event;

import java.util.List;

/**
 * Receives policy events in batches from the kernel's single event writer thread, never from the
 * request path. May block (write a file, insert rows). {@link #close()} is called on shutdown
 * after the last batch, so nothing is lost on a clean stop.
 */
public interface EventSink extends AutoCloseable {

    void write(List<PolicyEvent> events) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
