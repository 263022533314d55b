package io.policygateway.plugins.gemini;

import static io.policygateway.plugins.gemini.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeminiStreamTest {
    private static final String REQUEST = "{\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"A story\"}]}";

    private static List<JsonNode> stream(String fixture) throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerEventStream(List.of(Harness.fixture(fixture)))) {
            List<JsonNode> chunks = Harness.drain(Harness.provider(upstream).send(
                    Harness.request(WireFormat.OPENAI_CHAT, "gemini-2.0-flash", REQUEST, true)));
            assertEquals("/v1beta/models/gemini-2.0-flash:streamGenerateContent", upstream.lastRequest().path());
            assertEquals("alt=sse", upstream.lastRequest().query());
            return chunks;
        }
    }

    @Test
    void streamsTextChunksThenTheFinishReasonAndUsage() throws Exception {
        List<JsonNode> chunks = stream("stream-text.sse");
        assertEquals(6, chunks.size());
        assertEquals("assistant", chunks.get(0).path("choices").get(0).path("delta").path("role").asText());
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append(chunk.path("choices").path(0).path("delta").path("content").asText("")));
        assertEquals("Once upon a time, a lighthouse keeper waited.", text.toString());
        assertEquals("stop", chunks.get(4).path("choices").get(0).path("finish_reason").asText());
        assertEquals("chatcmpl-sT9bZ8qKJ9mU1MkPz5XB8AQ", chunks.get(4).path("id").asText());
        assertEquals(21, chunks.get(5).path("usage").path("total_tokens").asInt());
        assertEquals(0, chunks.get(5).path("choices").size());
    }

    @Test
    void streamsEachFunctionCallWholeWithItsOwnIndex() throws Exception {
        List<JsonNode> chunks = stream("stream-function-calls.sse");
        JsonNode first = chunks.get(1).path("choices").get(0).path("delta").path("tool_calls").get(0);
        JsonNode second = chunks.get(2).path("choices").get(0).path("delta").path("tool_calls").get(0);
        assertEquals(0, first.path("index").asInt());
        assertEquals("get_weather", first.path("function").path("name").asText());
        assertEquals(json("{\"location\":\"Paris\"}"), json(first.path("function").path("arguments").asText()));
        assertEquals(1, second.path("index").asInt());
        assertEquals(json("{\"location\":\"Tokyo\"}"), json(second.path("function").path("arguments").asText()));
        assertEquals("tool_calls", chunks.get(3).path("choices").get(0).path("finish_reason").asText());
    }

    @Test
    void failsTheStreamOnAnErrorObject() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerEventStream(List.of(
                "data: {\"error\": {\"code\": 503, \"message\": \"The model is overloaded.\", \"status\": \"UNAVAILABLE\"}}\r\n\r\n"))) {
            GatewayException error = assertThrows(GatewayException.class, () -> Harness.drain(Harness.provider(upstream).send(
                    Harness.request(WireFormat.OPENAI_CHAT, "gemini-2.0-flash", REQUEST, true))));
            assertEquals(ErrorCategory.UPSTREAM, error.category());
            assertEquals("gemini failed mid-stream (UNAVAILABLE): The model is overloaded.", error.getMessage());
        }
    }
}
