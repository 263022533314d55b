package io.policygateway.plugins.openaicompatible.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.http.SseParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A caller's wire format: how a client builds a request and reads the answer, whole or streamed. */
interface ClientDialect {
    ObjectMapper JSON = new ObjectMapper();
    String TOOL_SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}";
    String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    /**
     * What the client asks for.
     *
     * @param image {@code null}, {@code base64} or {@code url}
     */
    record RequestSpec(String model, boolean stream, String system, boolean tools, boolean toolResult, String image, boolean json) {
    }

    /** What the client understood from the answer. */
    record Answer(String text, String toolName, String toolArguments, long inputTokens, long outputTokens) {
    }

    /** The section title of this client format in the support table. */
    String title();

    String path();

    ObjectNode body(RequestSpec spec) throws IOException;

    Answer whole(JsonNode body);

    Answer stream(List<JsonNode> events);

    /** Whether an error body is this format's rate-limit error. */
    boolean isRateLimitError(JsonNode body);

    static List<JsonNode> events(String sse) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        SseParser parser = new SseParser(new ByteArrayInputStream(sse.getBytes(StandardCharsets.UTF_8)));
        for (Optional<SseEvent> event = parser.next(); event.isPresent(); event = parser.next()) {
            if (!event.get().data().equals("[DONE]")) {
                events.add(JSON.readTree(event.get().data()));
            }
        }
        return events;
    }
}
