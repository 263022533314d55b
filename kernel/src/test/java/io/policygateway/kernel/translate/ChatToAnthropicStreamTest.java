package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.Fixtures.assertSameJson;
import static io.policygateway.kernel.translate.Fixtures.chunks;
import static io.policygateway.kernel.translate.Fixtures.data;
import static io.policygateway.kernel.translate.Fixtures.parse;
import static io.policygateway.kernel.translate.Fixtures.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.http.SseEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatToAnthropicStreamTest {

    private static List<JsonNode> translate(List<ObjectNode> chunks) {
        ChatToAnthropicStream stream = new ChatToAnthropicStream();
        List<SseEvent> events = new ArrayList<>();
        chunks.forEach(chunk -> events.addAll(stream.onChunk(chunk)));
        events.addAll(stream.finish());
        assertTrue(stream.finish().isEmpty(), "finish is idempotent");
        return data(events);
    }

    @Test
    void streamsTextAsOneTextBlockEndingWithUsage() {
        List<JsonNode> events = translate(chunks("openai-chat-stream-text.sse"));
        assertEquals(List.of("message_start", "content_block_start", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop"), types(events));
        assertEquals("msg_9xAbC", events.get(0).path("message").path("id").asText());
        assertEquals("gpt-4o-mini", events.get(0).path("message").path("model").asText());
        assertEquals(parse("{\"type\":\"text\",\"text\":\"\"}"), events.get(1).path("content_block"));
        assertEquals("Hello", events.get(2).path("delta").path("text").asText());
        assertEquals(" there!", events.get(3).path("delta").path("text").asText());
        assertEquals("end_turn", events.get(5).path("delta").path("stop_reason").asText());
        assertEquals(19, events.get(5).path("usage").path("input_tokens").asInt());
        assertEquals(3, events.get(5).path("usage").path("output_tokens").asInt());
    }

    @Test
    void streamsParallelToolCallsSplitAcrossChunksAsInputJsonDeltas() {
        List<JsonNode> events = translate(chunks("openai-chat-stream-tool-calls.sse"));
        assertEquals(List.of("message_start",
                "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop"), types(events));
        assertEquals(parse("""
                {"type":"content_block_start","index":1,"content_block":{"type":"tool_use",
                 "id":"call_8mW1uWb2OAoRqaBvzmOQ2VpT","name":"get_weather","input":{}}}"""), events.get(4));
        StringBuilder first = new StringBuilder();
        for (JsonNode event : events.subList(5, 8)) {
            assertEquals(1, event.path("index").asInt());
            assertEquals("input_json_delta", event.path("delta").path("type").asText());
            first.append(event.path("delta").path("partial_json").asText());
        }
        assertEquals(parse("{\"location\": \"Paris\"}"), parse(first.toString()));
        assertEquals(2, events.get(9).path("index").asInt());
        assertEquals("call_Xy4a3sPzZ1Cwq9H7dNVdBE3k", events.get(9).path("content_block").path("id").asText());
        JsonNode messageDelta = events.get(13);
        assertEquals("tool_use", messageDelta.path("delta").path("stop_reason").asText());
        assertSameJson("{\"input_tokens\":18,\"output_tokens\":51,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":64}",
                messageDelta.path("usage"));
    }

    @Test
    void anEmptyStreamStillProducesAWellFormedMessage() {
        List<JsonNode> events = translate(List.of());
        assertEquals(List.of("message_start", "message_delta", "message_stop"), types(events));
    }
}
