package io.policygateway.plugins.anthropic;

import static io.policygateway.plugins.anthropic.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.ProviderResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicChatTranslationTest {
    private static final String TOOL_CONVERSATION = """
            {"model":"claude-sonnet-4-5","temperature":1.4,"top_p":0.9,"stop":"END","user":"user-12345",
             "seed":7,"frequency_penalty":0.5,
             "messages":[
              {"role":"system","content":"You are a weather assistant."},
              {"role":"user","content":[{"type":"text","text":"Weather in SF? See the photo."},
                {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]},
              {"role":"assistant","content":null,"tool_calls":[{"id":"toolu_01","type":"function",
                "function":{"name":"get_weather","arguments":"{\\"location\\":\\"San Francisco, CA\\"}"}}]},
              {"role":"tool","tool_call_id":"toolu_01","content":"15C and foggy"},
              {"role":"user","content":"Thanks. Umbrella?"}],
             "tools":[{"type":"function","function":{"name":"get_weather","description":"Get the weather",
               "parameters":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}}],
             "tool_choice":"required","parallel_tool_calls":false}""";

    @Test
    void sendsAnAnthropicRequestTranslatedFromOpenAiChat() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, Harness.fixture("message-tool-use.json"), Map.of())) {
            Harness.provider(upstream).send(Harness.request(WireFormat.OPENAI_CHAT, json(TOOL_CONVERSATION), false, Map.of()));

            FakeUpstream.Recorded sent = upstream.lastRequest();
            assertEquals("/v1/messages", sent.path());
            assertEquals(Harness.API_KEY, sent.headers().get("x-api-key"));
            assertEquals(json("""
                    {"model":"claude-sonnet-4-5","max_tokens":4096,"temperature":1.0,"top_p":0.9,"stop_sequences":["END"],
                     "metadata":{"user_id":"user-12345"},
                     "tools":[{"name":"get_weather","description":"Get the weather",
                       "input_schema":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}],
                     "tool_choice":{"type":"any","disable_parallel_tool_use":true},
                     "system":"You are a weather assistant.",
                     "messages":[
                      {"role":"user","content":[{"type":"text","text":"Weather in SF? See the photo."},
                        {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]},
                      {"role":"assistant","content":[{"type":"tool_use","id":"toolu_01","name":"get_weather",
                        "input":{"location":"San Francisco, CA"}}]},
                      {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01","content":"15C and foggy"},
                        {"type":"text","text":"Thanks. Umbrella?"}]}]}"""), json(sent.body()));
        }
    }

    @Test
    void translatesAnAnthropicToolUseAnswerIntoAChatCompletion() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, Harness.fixture("message-tool-use.json"), Map.of())) {
            ProviderResponse response = Harness.provider(upstream)
                    .send(Harness.request(WireFormat.OPENAI_CHAT, json(TOOL_CONVERSATION), false, Map.of()));
            assertEquals(WireFormat.OPENAI_CHAT, response.format());
            ObjectNode completion = Harness.complete(response);
            assertEquals("chatcmpl-01Aq9w938a90dw8q", completion.path("id").asText());
            assertEquals("chat.completion", completion.path("object").asText());
            assertEquals(TestContext.CLOCK.instant().getEpochSecond(), completion.path("created").asLong());
            JsonNode message = completion.path("choices").get(0).path("message");
            assertEquals("I'll check the current weather in San Francisco for you.", message.path("content").asText());
            assertEquals(json("""
                    [{"id":"toolu_01A09q90qw90lq917835lq9","type":"function",
                      "function":{"name":"get_weather","arguments":"{\\"location\\":\\"San Francisco, CA\\",\\"unit\\":\\"celsius\\"}"}}]
                    """.replace("\n", "").transform(text -> "{\"a\":" + text + "}")).get("a"), message.path("tool_calls"));
            assertEquals("tool_calls", completion.path("choices").get(0).path("finish_reason").asText());
            assertEquals(json("""
                    {"prompt_tokens":3095,"completion_tokens":503,"total_tokens":3598,"prompt_tokens_details":{"cached_tokens":1000}}"""),
                    json(completion.path("usage").toString()));
        }
    }

    @Test
    void servesJsonSchemaModeThroughAForcedToolAndReturnsItsInputAsContent() throws Exception {
        String answer = """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","stop_reason":"tool_use",
                 "content":[{"type":"tool_use","id":"toolu_9","name":"city","input":{"name":"Paris","country":"FR"}}],
                 "usage":{"input_tokens":10,"output_tokens":5}}""";
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, answer, Map.of())) {
            ProviderResponse response = Harness.provider(upstream).send(Harness.request(WireFormat.OPENAI_CHAT, json("""
                    {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Capital of France?"}],
                     "response_format":{"type":"json_schema","json_schema":{"name":"city","schema":{"type":"object",
                      "properties":{"name":{"type":"string"},"country":{"type":"string"}}}}}}"""), false, Map.of()));
            JsonNode sent = json(upstream.lastRequest().body());
            assertEquals("city", sent.path("tools").get(0).path("name").asText());
            assertEquals(json("{\"type\":\"tool\",\"name\":\"city\"}"), sent.path("tool_choice"));
            JsonNode choice = Harness.complete(response).path("choices").get(0);
            assertEquals(json("{\"name\":\"Paris\",\"country\":\"FR\"}"), json(choice.path("message").path("content").asText()));
            assertTrue(choice.path("message").path("tool_calls").isMissingNode());
            assertEquals("stop", choice.path("finish_reason").asText());
        }
    }

    @Test
    void asksForJsonObjectsThroughTheSystemPrompt() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, Harness.fixture("message-text.json"), Map.of())) {
            Harness.provider(upstream).send(Harness.request(WireFormat.OPENAI_CHAT, json("""
                    {"model":"claude-sonnet-4-5","max_tokens":50,"response_format":{"type":"json_object"},
                     "messages":[{"role":"developer","content":"Be brief."},{"role":"user","content":"List two colours."}]}"""),
                    false, Map.of()));
            JsonNode sent = json(upstream.lastRequest().body());
            assertEquals("Be brief.\n\n" + ChatRequestToAnthropic.JSON_OBJECT_INSTRUCTION, sent.path("system").asText());
            assertEquals(50, sent.path("max_tokens").asInt());
        }
    }
}
