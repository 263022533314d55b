package io.policygateway.plugins.anthropic;

import static io.policygateway.plugins.anthropic.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicChatStreamTest {
    private static final String REQUEST = """
            {"model":"claude-sonnet-4-5","stream":true,%s
             "messages":[{"role":"user","content":"Weather in San Francisco?"}],
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}]}""";

    private static List<JsonNode> streamFixture(String fixture, boolean includeUsage) throws GatewayException {
        try (FakeUpstream upstream = FakeUpstream.start().answerEventStream(Harness.eventParts(fixture))) {
            String options = includeUsage ? "\"stream_options\":{\"include_usage\":true}," : "";
            List<SseEvent> events = Harness.drain(Harness.provider(upstream)
                    .send(Harness.request(WireFormat.OPENAI_CHAT, json(REQUEST.formatted(options)), true, Map.of())));
            assertTrue(json(upstream.lastRequest().body()).path("stream").asBoolean(), "the upstream is asked to stream");
            events.forEach(event -> assertTrue(event.event().isEmpty(), "chat chunks are unnamed data events"));
            return Harness.data(events);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void streamsTextAndAToolCallWhoseArgumentsArriveInFragments() throws Exception {
        List<JsonNode> chunks = streamFixture("messages-stream-tool-use.sse", true);
        JsonNode first = chunks.get(0);
        assertEquals("chat.completion.chunk", first.path("object").asText());
        assertEquals("chatcmpl-014p7gG3wDgGV9EUtLvnow3U", first.path("id").asText());
        assertEquals("assistant", first.path("choices").get(0).path("delta").path("role").asText());

        StringBuilder text = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        String toolId = null;
        String finishReason = null;
        for (JsonNode chunk : chunks) {
            JsonNode choice = chunk.path("choices").path(0);
            text.append(choice.path("delta").path("content").asText(""));
            for (JsonNode call : choice.path("delta").path("tool_calls")) {
                assertEquals(0, call.path("index").asInt());
                if (call.has("id")) {
                    toolId = call.path("id").asText();
                    assertEquals("get_weather", call.path("function").path("name").asText());
                }
                arguments.append(call.path("function").path("arguments").asText(""));
            }
            if (!choice.path("finish_reason").isMissingNode() && !choice.path("finish_reason").isNull()) {
                finishReason = choice.path("finish_reason").asText();
            }
        }
        assertEquals("Okay, let's check the weather for San Francisco, CA:", text.toString());
        assertEquals("toolu_01T1x1fJ34qAmk2tNTrN7Up6", toolId);
        assertEquals(json("{\"location\": \"San Francisco, CA\", \"unit\": \"fahrenheit\"}"), json(arguments.toString()));
        assertEquals("tool_calls", finishReason);

        JsonNode last = chunks.get(chunks.size() - 1);
        assertEquals(0, last.path("choices").size(), "the usage chunk has no choices");
        assertEquals(json("{\"prompt_tokens\":600,\"completion_tokens\":89,\"total_tokens\":689,\"prompt_tokens_details\":{\"cached_tokens\":128}}"),
                json(last.path("usage").toString()));
    }

    @Test
    void leavesOutTheUsageChunkWhenTheCallerDidNotAskForIt() throws Exception {
        List<JsonNode> chunks = streamFixture("messages-stream-tool-use.sse", false);
        JsonNode last = chunks.get(chunks.size() - 1);
        assertEquals("tool_calls", last.path("choices").get(0).path("finish_reason").asText());
        assertTrue(chunks.stream().noneMatch(chunk -> chunk.has("usage")));
    }

    @Test
    void failsTheStreamWhenAnthropicSendsAnErrorEvent() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerEventStream(Harness.eventParts("messages-stream-overloaded.sse"))) {
            GatewayException error = assertThrows(GatewayException.class, () -> Harness.drain(Harness.provider(upstream)
                    .send(Harness.request(WireFormat.OPENAI_CHAT, json(REQUEST.formatted("")), true, Map.of()))));
            assertEquals(ErrorCategory.UPSTREAM, error.category());
            assertEquals("anthropic stream failed (overloaded_error): Overloaded", error.getMessage());
        }
    }
}
