package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.GatewayException;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.EventStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A provider's stream whose first event has already been read (so a target that fails before
 * answering can be replaced transparently), and whose later failure — a broken or stalled stream —
 * is reported once to {@code onFailure}. One reader, like every {@link EventStream}.
 */
public final class TrackedEventStream implements EventStream {
    private final EventStream upstream;
    private final Consumer<GatewayException> onFailure;
    private Optional<SseEvent> first;
    private boolean firstPending = true;
    private boolean ended;
    private boolean reported;

    /**
     * @param first the event already read, or empty when the stream ended cleanly without one
     */
    public TrackedEventStream(EventStream upstream, Optional<SseEvent> first, Consumer<GatewayException> onFailure) {
        this.upstream = requireNonNull(upstream, "upstream is null");
        this.first = requireNonNull(first, "first is null");
        this.onFailure = requireNonNull(onFailure, "onFailure is null");
    }

    @Override
    public Optional<SseEvent> next() throws GatewayException {
        if (firstPending) {
            firstPending = false;
            Optional<SseEvent> event = first;
            first = Optional.empty();
            ended = event.isEmpty();
            return event;
        }
        if (ended) {
            return Optional.empty();
        }
        try {
            return upstream.next();
        } catch (GatewayException e) {
            if (!reported) {
                reported = true;
                onFailure.accept(e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        upstream.close();
    }
}
