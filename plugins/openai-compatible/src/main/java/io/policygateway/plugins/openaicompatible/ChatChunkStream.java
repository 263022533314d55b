package io.policygateway.plugins.openaicompatible;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.http.SseParser;
import io.policygateway.api.http.UpstreamErrors;
import io.policygateway.api.http.UpstreamResponse;
import io.policygateway.api.provider.EventStream;
import java.io.IOException;
import java.util.Optional;

/**
 * A host's {@code chat.completion.chunk} events, unchanged, ending at {@code [DONE]} (which the kernel
 * writes itself). A chunk carrying an {@code error} object (how vLLM and others report failures after
 * the stream started) fails the stream. One reader; not thread-safe.
 */
final class ChatChunkStream implements EventStream {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MESSAGE_LIMIT = 300;

    private final String name;
    private final UpstreamResponse response;
    private final SseParser parser;
    private boolean closed;

    ChatChunkStream(String name, UpstreamResponse response) {
        this.name = requireNonNull(name, "name is null");
        this.response = requireNonNull(response, "response is null");
        this.parser = new SseParser(response.body());
    }

    @Override
    public Optional<SseEvent> next() throws GatewayException {
        if (closed) {
            return Optional.empty();
        }
        Optional<SseEvent> event;
        try {
            event = parser.next();
        } catch (IOException e) {
            close();
            throw UpstreamErrors.fromReadFailure(name, e);
        }
        if (event.isEmpty() || event.get().data().strip().equals("[DONE]")) {
            close();
            return Optional.empty();
        }
        String data = event.get().data();
        if (data.contains("\"error\"")) {
            failIfError(data);
        }
        return Optional.of(SseEvent.data(data));
    }

    private void failIfError(String data) throws GatewayException {
        JsonNode chunk;
        try {
            chunk = MAPPER.readTree(data);
        } catch (IOException notJson) {
            return;
        }
        JsonNode error = chunk.path("error");
        if (error.isObject() || error.isTextual()) {
            close();
            String message = error.isTextual() ? error.asText() : error.path("message").asText("unknown error");
            if (message.length() > MESSAGE_LIMIT) {
                message = message.substring(0, MESSAGE_LIMIT) + "...";
            }
            throw new GatewayException(ErrorCategory.UPSTREAM, name + " failed mid-stream: " + message);
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
