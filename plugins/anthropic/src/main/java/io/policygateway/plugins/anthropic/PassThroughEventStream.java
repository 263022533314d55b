package io.policygateway.plugins.anthropic;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.GatewayException;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.http.SseParser;
import io.policygateway.api.http.UpstreamErrors;
import io.policygateway.api.http.UpstreamResponse;
import io.policygateway.api.provider.EventStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Anthropic's own stream events, unchanged (event names included), for callers of {@code /v1/messages}.
 * Anthropic {@code error} events are passed on too: they already are in the caller's format.
 * One reader; not thread-safe.
 */
final class PassThroughEventStream implements EventStream {
    private final String name;
    private final UpstreamResponse response;
    private final SseParser parser;
    private boolean closed;

    PassThroughEventStream(String name, UpstreamResponse response) {
        this.name = requireNonNull(name, "name is null");
        this.response = requireNonNull(response, "response is null");
        this.parser = new SseParser(response.body());
    }

    @Override
    public Optional<SseEvent> next() throws GatewayException {
        if (closed) {
            return Optional.empty();
        }
        try {
            Optional<SseEvent> event = parser.next();
            if (event.isEmpty()) {
                close();
            }
            return event;
        } catch (IOException e) {
            close();
            throw UpstreamErrors.fromReadFailure(name, e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            response.close();
        }
    }
}
