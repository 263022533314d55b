package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.Fixtures.chunks;
import static io.policygateway.kernel.translate.Fixtures.data;
import static io.policygateway.kernel.translate.Fixtures.parse;
import static io.policygateway.kernel.translate.Fixtures.types;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.http.SseEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatToResponsesStreamTest {

    private static List<JsonNode> translate(String fixture) {
        ChatToResponsesStream stream = new ChatToResponsesStream(parse("{\"model\":\"gpt-4o\",\"input\":\"hi\",\"stream\":true}"));
        List<SseEvent> events = new ArrayList<>();
        for (ObjectNode chunk : chunks(fixture)) {
            events.addAll(stream.onChunk(chunk));
        }
        events.addAll(stream.finish());
        List<JsonNode> data = data(events);
        for (int i = 0; i < data.size(); i++) {
            assertEquals(i, data.get(i).path("sequence_number").asInt(), "sequence numbers count up from 0");
        }
        return data;
    }

    @Test
    void streamsTextWithCreatedDeltaDoneAndCompletedEvents() {
        List<JsonNode> events = translate("openai-chat-stream-text.sse");
        assertEquals(List.of("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.completed"), types(events));
        assertEquals("in_progress", events.get(0).path("response").path("status").asText());
        assertEquals("Hello", events.get(4).path("delta").asText());
        assertEquals("Hello there!", events.get(6).path("text").asText());
        JsonNode completed = events.get(9).path("response");
        assertEquals("completed", completed.path("status").asText());
        assertEquals("Hello there!", completed.path("output").get(0).path("content").get(0).path("text").asText());
        assertEquals(19, completed.path("usage").path("input_tokens").asInt());
        assertEquals(22, completed.path("usage").path("total_tokens").asInt());
    }

    @Test
    void streamsToolCallArgumentsSplitAcrossChunks() {
        List<JsonNode> events = translate("openai-chat-stream-tool-calls.sse");
        assertEquals(List.of("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.output_item.added", "response.function_call_arguments.delta", "response.function_call_arguments.delta",
                "response.function_call_arguments.delta", "response.function_call_arguments.done", "response.output_item.done",
                "response.output_item.added", "response.function_call_arguments.delta", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done", "response.completed"), types(events));
        JsonNode added = events.get(8);
        assertEquals(1, added.path("output_index").asInt());
        assertEquals("function_call", added.path("item").path("type").asText());
        assertEquals("call_8mW1uWb2OAoRqaBvzmOQ2VpT", added.path("item").path("call_id").asText());
        assertEquals("{\"loc", events.get(9).path("delta").asText());
        assertEquals("{\"location\": \"Paris\"}", events.get(12).path("arguments").asText());
        JsonNode output = events.get(19).path("response").path("output");
        assertEquals(3, output.size());
        assertEquals("{\"location\": \"Tokyo\"}", output.get(2).path("arguments").asText());
        assertEquals(64, events.get(19).path("response").path("usage").path("input_tokens_details").path("cached_tokens").asInt());
    }
}
