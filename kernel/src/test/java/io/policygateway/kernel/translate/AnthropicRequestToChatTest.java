package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.Fixtures.json;
import static io.policygateway.kernel.translate.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnthropicRequestToChatTest {

    @Test
    void translatesAToolConversationWithSystemImagesAndSettings() throws Exception {
        ObjectNode anthropic = json("anthropic-request-tool-conversation.json");
        ObjectNode chat = AnthropicRequestToChat.translate(anthropic);

        assertEquals("claude-sonnet-4-5", chat.path("model").asText());
        JsonNode messages = chat.path("messages");
        assertEquals(5, messages.size(), messages.toPrettyString());
        assertEquals(parse("{\"role\":\"system\",\"content\":\"You are a weather assistant.\\nAnswer in one sentence.\"}"),
                messages.get(0));
        assertEquals(parse("""
                {"role":"user","content":[{"type":"text","text":"What is the weather in Paris? Here is a photo."},
                 {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQSkZJRg=="}}]}"""), messages.get(1));
        assertEquals(parse("""
                {"role":"assistant","content":"I'll look it up.","tool_calls":[{"id":"toolu_01A09q90qw90lq917835lq9",
                 "type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"Paris, France\\"}"}}]}"""),
                messages.get(2));
        assertEquals(parse("{\"role\":\"tool\",\"tool_call_id\":\"toolu_01A09q90qw90lq917835lq9\",\"content\":\"15 degrees, light rain\"}"),
                messages.get(3));
        assertEquals(parse("{\"role\":\"user\",\"content\":\"And should I take an umbrella?\"}"), messages.get(4));

        assertEquals(1024, chat.path("max_tokens").asInt());
        assertEquals(0.2, chat.path("temperature").asDouble());
        assertEquals(0.9, chat.path("top_p").asDouble());
        assertEquals(parse("{\"a\":[\"\\n\\nHuman:\"]}").get("a"), chat.path("stop"));
        assertEquals("user-12345", chat.path("user").asText());
        assertFalse(chat.has("top_k"), "OpenAI chat has no top_k");
        assertEquals(parse("""
                [{"type":"function","function":{"name":"get_weather","description":"Get the current weather in a given location",
                  "parameters":{"type":"object","properties":{"location":{"type":"string","description":"The city and state"}},
                  "required":["location"]}}}]"""), chat.path("tools"));
        assertEquals("auto", chat.path("tool_choice").asText());
        assertFalse(chat.path("parallel_tool_calls").asBoolean(true));
        assertTrue(chat.path("stream").asBoolean());
        assertTrue(chat.path("stream_options").path("include_usage").asBoolean(), "usage is asked for so the stream can report it");
    }

    @Test
    void doesNotModifyTheCallersBody() throws Exception {
        ObjectNode anthropic = json("anthropic-request-tool-conversation.json");
        ObjectNode copy = anthropic.deepCopy();
        AnthropicRequestToChat.translate(anthropic);
        assertEquals(copy, anthropic);
    }

    @Test
    void mapsEachToolChoice() throws Exception {
        assertEquals("\"required\"", toolChoice("{\"type\":\"any\"}"));
        assertEquals("\"none\"", toolChoice("{\"type\":\"none\"}"));
        assertEquals("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}",
                toolChoice("{\"type\":\"tool\",\"name\":\"get_weather\"}"));
    }

    @Test
    void keepsImageUrlsAndPdfDocumentsAndMarksToolErrors() throws Exception {
        ObjectNode chat = AnthropicRequestToChat.translate(parse("""
                {"model":"m","max_tokens":10,"messages":[
                 {"role":"user","content":[{"type":"image","source":{"type":"url","url":"https://example.com/cat.png"}},
                   {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0="}}]},
                 {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"lookup","input":{}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","is_error":true,"content":"not found"}]}]}"""));
        JsonNode messages = chat.path("messages");
        assertEquals("https://example.com/cat.png", messages.get(0).path("content").get(0).path("image_url").path("url").asText());
        assertEquals("data:application/pdf;base64,JVBERi0=", messages.get(0).path("content").get(1).path("file").path("file_data").asText());
        assertTrue(messages.get(1).path("content").isNull(), "an assistant turn with only tool calls has null content");
        assertEquals("Error: not found", messages.get(2).path("content").asText());
        assertEquals(3, messages.size());
    }

    @Test
    void refusesServerToolsNamingTheTool() {
        GatewayException error = assertThrows(GatewayException.class, () -> AnthropicRequestToChat.translate(parse("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}],
                 "tools":[{"type":"web_search_20250305","name":"web_search","max_uses":5}]}""")));
        assertEquals(ErrorCategory.INVALID_REQUEST, error.category());
        assertEquals(Optional.of("tools[0]"), error.param());
        assertTrue(error.getMessage().contains("web_search_20250305"), error.getMessage());
    }

    @Test
    void leavesServerToolsAndThinkingOutOfTheInspectionView() throws Exception {
        ObjectNode view = AnthropicRequestToChat.inspectionView(parse("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":[{"type":"text","text":"Find news"},
                  {"type":"image","source":{"type":"file","file_id":"file_1"}}]}],
                 "tools":[{"type":"web_search_20250305","name":"web_search"},{"name":"lookup","input_schema":{"type":"object"}}]}"""));
        assertEquals("Find news", view.path("messages").get(0).path("content").asText());
        assertEquals(1, view.path("tools").size());
        assertEquals("lookup", view.path("tools").get(0).path("function").path("name").asText());
    }

    @Test
    void refusesMalformedMessagesNamingTheField() {
        GatewayException notArray = assertThrows(GatewayException.class,
                () -> AnthropicRequestToChat.translate(parse("{\"model\":\"m\",\"messages\":\"hi\"}")));
        assertEquals(Optional.of("messages"), notArray.param());
        GatewayException badRole = assertThrows(GatewayException.class,
                () -> AnthropicRequestToChat.translate(parse("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}")));
        assertEquals(Optional.of("messages[0].role"), badRole.param());
        GatewayException noContent = assertThrows(GatewayException.class,
                () -> AnthropicRequestToChat.translate(parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\"}]}")));
        assertEquals(Optional.of("messages[0].content"), noContent.param());
    }

    private static String toolChoice(String anthropicChoice) throws GatewayException {
        ObjectNode chat = AnthropicRequestToChat.translate(parse("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}],
                 "tools":[{"name":"get_weather","input_schema":{"type":"object"}}],"tool_choice":%s}""".formatted(anthropicChoice)));
        return chat.path("tool_choice").toString();
    }
}
