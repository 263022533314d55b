package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.Fixtures.json;
import static io.policygateway.kernel.translate.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponsesRequestToChatTest {

    @Test
    void translatesAStringInputWithInstructions() throws Exception {
        ObjectNode chat = ResponsesRequestToChat.translate(parse("""
                {"model":"gpt-4.1-mini","instructions":"Be brief.","input":"Tell me a joke","max_output_tokens":64}"""));
        assertEquals(parse("""
                {"model":"gpt-4.1-mini","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Tell me a joke"}],
                 "max_tokens":64}"""), chat);
    }

    @Test
    void translatesFunctionCallItemsToolsAndJsonSchemaFormat() throws Exception {
        ObjectNode chat = ResponsesRequestToChat.translate(json("responses-request-function-calls.json"));
        JsonNode messages = chat.path("messages");
        assertEquals(6, messages.size(), messages.toPrettyString());
        assertEquals("system", messages.get(0).path("role").asText());
        assertEquals(parse("{\"role\":\"user\",\"content\":\"What is the weather in Paris and Tokyo?\"}"), messages.get(1));
        JsonNode assistant = messages.get(2);
        assertEquals("assistant", assistant.path("role").asText());
        assertEquals(2, assistant.path("tool_calls").size(), "consecutive function calls form one assistant turn");
        assertEquals(parse("{\"id\":\"call_tokyo\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"location\\\":\\\"Tokyo\\\"}\"}}"),
                assistant.path("tool_calls").get(1));
        assertEquals(parse("{\"role\":\"tool\",\"tool_call_id\":\"call_paris\",\"content\":\"15C, rain\"}"), messages.get(3));
        assertEquals(parse("{\"role\":\"tool\",\"tool_call_id\":\"call_tokyo\",\"content\":\"22C, sunny\"}"), messages.get(4));
        assertEquals(parse("""
                {"role":"user","content":[{"type":"text","text":"Summarise, and look at this map."},
                 {"type":"image_url","image_url":{"url":"https://example.com/map.png","detail":"low"}}]}"""), messages.get(5));

        assertEquals("get_weather", chat.path("tools").get(0).path("function").path("name").asText());
        assertTrue(chat.path("tools").get(0).path("function").path("strict").asBoolean());
        assertEquals("auto", chat.path("tool_choice").asText());
        assertEquals("json_schema", chat.path("response_format").path("type").asText());
        assertEquals("summary", chat.path("response_format").path("json_schema").path("name").asText());
        assertEquals(500, chat.path("max_tokens").asInt());
        assertTrue(chat.path("stream_options").path("include_usage").asBoolean());
    }

    @Test
    void refusesStoredConversationsAndHostedTools() {
        GatewayException previous = assertThrows(GatewayException.class, () -> ResponsesRequestToChat.translate(parse(
                "{\"model\":\"m\",\"input\":\"hi\",\"previous_response_id\":\"resp_1\"}")));
        assertEquals(Optional.of("previous_response_id"), previous.param());
        GatewayException hosted = assertThrows(GatewayException.class, () -> ResponsesRequestToChat.translate(parse(
                "{\"model\":\"m\",\"input\":\"hi\",\"tools\":[{\"type\":\"web_search_preview\"}]}")));
        assertEquals(Optional.of("tools[0].type"), hosted.param());
        assertTrue(hosted.getMessage().contains("web_search_preview"));
    }

    @Test
    void leavesStoredStateAndHostedToolsOutOfTheInspectionView() throws Exception {
        ObjectNode view = ResponsesRequestToChat.inspectionView(parse("""
                {"model":"m","previous_response_id":"resp_1","input":[{"role":"user","content":"hi"},{"type":"web_search_call","id":"ws_1"}],
                 "tools":[{"type":"web_search_preview"}]}"""));
        assertEquals(1, view.path("messages").size());
        assertTrue(view.path("tools").isMissingNode());
    }

    @Test
    void requiresInput() {
        GatewayException error = assertThrows(GatewayException.class,
                () -> ResponsesRequestToChat.translate(parse("{\"model\":\"m\"}")));
        assertEquals(Optional.of("input"), error.param());
    }
}
