package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.http.SseEvent;
import java.io.IOException;

/**
 * Sits between the chat {@link StreamRelay} and the client: each chat SSE event the relay writes is
 * translated into the caller's stream events; {@code [DONE]} becomes the translator's closing events.
 * An OpenAI error event from the relay is held back: the endpoint writes the caller-format error
 * itself, from the exception. Confined to the request's thread.
 */
final class TranslatingStreamSink implements ClientExchange.StreamSink {
    private final ObjectMapper json;
    private final ClientExchange.StreamSink client;
    private final ClientFormat.StreamTranslator translator;

    private final java.util.Optional<java.util.function.Supplier<ObjectNode>> metadata;

    /** @param metadata on {@code /policy}: the policy object every event carries */
    TranslatingStreamSink(ObjectMapper json, ClientExchange.StreamSink client, ClientFormat.StreamTranslator translator,
            java.util.Optional<java.util.function.Supplier<ObjectNode>> metadata) {
        this.json = requireNonNull(json, "json is null");
        this.client = requireNonNull(client, "client is null");
        this.translator = requireNonNull(translator, "translator is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    /** The event with the policy object added to its JSON data (unchanged when there is no metadata or the data is not an object). */
    static SseEvent withPolicy(ObjectMapper json, SseEvent event, java.util.Optional<java.util.function.Supplier<ObjectNode>> metadata) {
        if (metadata.isEmpty()) {
            return event;
        }
        try {
            JsonNode data = json.readTree(event.data());
            if (data instanceof ObjectNode object) {
                object.set("policy", metadata.get().get());
                return new SseEvent(event.event(), object.toString());
            }
        } catch (IOException notJson) {
            // e.g. a [DONE] marker: sent as it is
        }
        return event;
    }

    @Override
    public void write(String text) throws IOException {
        String data = data(text);
        if (data == null) {
            return;
        }
        if (data.equals("[DONE]")) {
            for (SseEvent event : translator.finish()) {
                client.write(withPolicy(json, event, metadata).encode());
            }
            return;
        }
        JsonNode chunk = json.readTree(data);
        if (!(chunk instanceof ObjectNode object) || (object.has("error") && !object.has("choices"))) {
            return;
        }
        try {
            for (SseEvent event : translator.onChunk(object)) {
                client.write(withPolicy(json, event, metadata).encode());
            }
        } catch (GatewayException e) {
            client.write(withPolicy(json, translator.error(e), metadata).encode());
        }
    }

    /** Writes the caller-format error that ends a failed stream. */
    void fail(GatewayException error) throws IOException {
        client.write(withPolicy(json, translator.error(error), metadata).encode());
    }

    /** The joined {@code data:} lines of one encoded event, or null when it has none. */
    private static String data(String encoded) {
        StringBuilder data = null;
        for (String line : encoded.split("\n")) {
            if (line.startsWith("data:")) {
                String value = line.startsWith("data: ") ? line.substring(6) : line.substring(5);
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
        }
        return data == null ? null : data.toString();
    }
}
