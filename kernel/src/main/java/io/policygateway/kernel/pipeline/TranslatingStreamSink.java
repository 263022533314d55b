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
 * itself, from the exception. A chunk's {@code policy} metadata (on {@code /policy}) is carried over to
 * every event translated from it. Confined to the request's thread.
 */
final class TranslatingStreamSink implements ClientExchange.StreamSink {
    private final ObjectMapper json;
    private final ClientExchange.StreamSink client;
    private final ClientFormat.StreamTranslator translator;

    TranslatingStreamSink(ObjectMapper json, ClientExchange.StreamSink client, ClientFormat.StreamTranslator translator) {
        this.json = requireNonNull(json, "json is null");
        this.client = requireNonNull(client, "client is null");
        this.translator = requireNonNull(translator, "translator is null");
    }

    @Override
    public void write(String text) throws IOException {
        String data = data(text);
        if (data == null) {
            return;
        }
        if (data.equals("[DONE]")) {
            for (SseEvent event : translator.finish()) {
                client.write(event.encode());
            }
            return;
        }
        JsonNode chunk = json.readTree(data);
        if (!(chunk instanceof ObjectNode object) || (object.has("error") && !object.has("choices"))) {
            return;
        }
        JsonNode policy = object.remove("policy");
        try {
            for (SseEvent event : translator.onChunk(object)) {
                client.write(policy == null ? event.encode() : withPolicy(event, policy).encode());
            }
        } catch (GatewayException e) {
            client.write(translator.error(e).encode());
        }
    }

    /** The event with the chunk's policy metadata (on {@code /policy}), as every frame there carries it. */
    private SseEvent withPolicy(SseEvent event, JsonNode policy) throws IOException {
        if (json.readTree(event.data()) instanceof ObjectNode data) {
            data.set("policy", policy);
            return new SseEvent(event.event(), data.toString());
        }
        return event;
    }

    /** Writes the caller-format error that ends a failed stream. */
    void fail(GatewayException error) throws IOException {
        client.write(translator.error(error).encode());
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
