package io.policygateway.kernel.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.http.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the wire-format fixtures under {@code src/test/resources/translate}. */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static ObjectNode json(String name) {
        try (InputStream in = open(name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends JsonNode> T parse(String json) {
        try {
            return (T) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data:} payloads of an SSE fixture, without the {@code [DONE]} marker. */
    static List<ObjectNode> chunks(String name) {
        List<ObjectNode> chunks = new ArrayList<>();
        try (InputStream in = open(name)) {
            SseParser parser = new SseParser(in);
            for (Optional<SseEvent> event = parser.next(); event.isPresent(); event = parser.next()) {
                if (!event.get().data().equals("[DONE]")) {
                    chunks.add(Fixtures.<ObjectNode>parse(event.get().data()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return chunks;
    }

    /** The parsed data of each event, checking that the SSE event name equals the data's type. */
    static List<JsonNode> data(List<SseEvent> events) {
        List<JsonNode> result = new ArrayList<>();
        for (SseEvent event : events) {
            ObjectNode data = Fixtures.<ObjectNode>parse(event.data());
            if (!event.event().orElseThrow().equals(data.path("type").asText())) {
                throw new AssertionError("event name " + event.event() + " differs from type in " + data);
            }
            result.add(data);
        }
        return result;
    }

    /** Asserts equal JSON regardless of how numbers are held (int or long nodes). */
    static void assertSameJson(String expected, JsonNode actual) {
        org.junit.jupiter.api.Assertions.assertEquals(Fixtures.<JsonNode>parse(expected), JSON.valueToTree(parseAny(actual.toString())),
                () -> "expected " + expected + "\n but was " + actual);
    }

    private static Object parseAny(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.path("type").asText()).toList();
    }

    private static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/translate/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return in;
    }
}
