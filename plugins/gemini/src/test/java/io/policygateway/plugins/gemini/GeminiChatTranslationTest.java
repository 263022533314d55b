package io.policygateway.plugins.gemini;

import static io.policygateway.plugins.gemini.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.ProviderResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeminiChatTranslationTest {
    private static final String TOOL_CONVERSATION = """
            {"model":"gemini-2.0-flash","temperature":0.4,"top_p":0.8,"max_tokens":300,"stop":["END"],
             "messages":[
              {"role":"system","content":"You are a weather assistant."},
              {"role":"user","content":[{"type":"text","text":"Weather here?"},
                {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}}]},
              {"role":"assistant","content":null,"tool_calls":[
                {"id":"call_a__thought__CiQB0e2K","type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"Paris\\"}"}},
                {"id":"call_b","type":"function","function":{"name":"get_time","arguments":"{}"}}]},
              {"role":"tool","tool_call_id":"call_a__thought__CiQB0e2K","content":"{\\"temperature\\":15}"},
              {"role":"tool","tool_call_id":"call_b","content":"10:42"},
              {"role":"user","content":"Thanks"}],
             "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather for a city",
               "parameters":{"type":"object","properties":{"location":{"type":["string","null"]}},"required":["location"],
               "additionalProperties":false}},"strict":true},
              {"type":"function","function":{"name":"get_time","parameters":{"type":"object","properties":{}}}}],
             "tool_choice":{"type":"function","function":{"name":"get_weather"}}}""";

    @Test
    void sendsAGenerateContentRequestTranslatedFromOpenAiChat() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, Harness.fixture("generate-content-text.json"), Map.of())) {
            Harness.provider(upstream).send(Harness.request(WireFormat.OPENAI_CHAT, "gemini-2.0-flash", TOOL_CONVERSATION, false));

            FakeUpstream.Recorded sent = upstream.lastRequest();
            assertEquals("/v1beta/models/gemini-2.0-flash:generateContent", sent.path());
            assertEquals(Harness.API_KEY, sent.headers().get("x-goog-api-key"));
            assertEquals(null, sent.query(), "the key is not in the URL");
            assertEquals(json("""
                    {"contents":[
                      {"role":"user","parts":[{"text":"Weather here?"},{"inlineData":{"mimeType":"image/jpeg","data":"/9j/4AAQ"}}]},
                      {"role":"model","parts":[
                        {"functionCall":{"name":"get_weather","args":{"location":"Paris"}},"thoughtSignature":"CiQB0e2K"},
                        {"functionCall":{"name":"get_time","args":{}}}]},
                      {"role":"user","parts":[
                        {"functionResponse":{"name":"get_weather","response":{"temperature":15}}},
                        {"functionResponse":{"name":"get_time","response":{"result":"10:42"}}},
                        {"text":"Thanks"}]}],
                     "systemInstruction":{"parts":[{"text":"You are a weather assistant."}]},
                     "tools":[{"functionDeclarations":[
                       {"name":"get_weather","description":"Weather for a city",
                        "parameters":{"type":"object","properties":{"location":{"type":"string","nullable":true}},"required":["location"]}},
                       {"name":"get_time"}]}],
                     "toolConfig":{"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["get_weather"]}},
                     "generationConfig":{"temperature":0.4,"topP":0.8,"maxOutputTokens":300,"stopSequences":["END"]}}"""),
                    json(sent.body()));
        }
    }

    @Test
    void asksForJsonWithAReducedResponseSchema() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, Harness.fixture("generate-content-text.json"), Map.of())) {
            Harness.provider(upstream).send(Harness.request(WireFormat.OPENAI_CHAT, "gemini-2.5-flash", """
                    {"messages":[{"role":"user","content":"A city"}],"response_format":{"type":"json_schema","json_schema":{"name":"city",
                     "strict":true,"schema":{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                     "properties":{"name":{"type":"string"},"tags":{"type":"array","items":{"type":"string","additionalProperties":false}}},
                     "required":["name"],"additionalProperties":false}}}}""", false));
            JsonNode config = json(upstream.lastRequest().body()).path("generationConfig");
            assertEquals("application/json", config.path("responseMimeType").asText());
            assertEquals(json("""
                    {"type":"object","properties":{"name":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}}},"required":["name"]}"""),
                    config.path("responseSchema"));
        }
    }

    @Test
    void translatesTextWithThinkingAndCachedUsage() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, Harness.fixture("generate-content-text.json"), Map.of())) {
            ProviderResponse response = Harness.provider(upstream).send(Harness.request(WireFormat.OPENAI_CHAT, "gemini-2.5-flash",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"Explain AI\"}]}", false));
            ObjectNode completion = ((ProviderResponse.Complete) response).body();
            assertEquals("chatcmpl-ZQ5bZ9zLOa2Uz7IPnMOZ8AE", completion.path("id").asText());
            assertEquals("gemini-2.5-flash", completion.path("model").asText());
            JsonNode choice = completion.path("choices").get(0);
            assertEquals("AI learns patterns from data to make predictions.", choice.path("message").path("content").asText());
            assertEquals("stop", choice.path("finish_reason").asText());
            assertEquals(json("""
                    {"prompt_tokens":8,"completion_tokens":34,"total_tokens":42,"prompt_tokens_details":{"cached_tokens":4},
                     "completion_tokens_details":{"reasoning_tokens":24}}"""), json(completion.path("usage").toString()));
        }
    }

    @Test
    void translatesParallelFunctionCallsKeepingTheThoughtSignatureInTheId() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, Harness.fixture("generate-content-function-calls.json"), Map.of())) {
            ProviderResponse response = Harness.provider(upstream).send(Harness.request(WireFormat.OPENAI_CHAT, "gemini-2.0-flash",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris and Tokyo?\"}]}", false));
            JsonNode choice = ((ProviderResponse.Complete) response).body().path("choices").get(0);
            assertEquals("tool_calls", choice.path("finish_reason").asText());
            assertTrue(choice.path("message").path("content").isNull());
            JsonNode calls = choice.path("message").path("tool_calls");
            assertEquals(2, calls.size());
            assertEquals("{\"location\":\"Paris\"}", calls.get(0).path("function").path("arguments").asText());
            assertTrue(calls.get(0).path("id").asText().endsWith("__thought__CiQB0e2Kb3Vr1d0c2lnbmF0dXJl"), calls.get(0).path("id").asText());
            assertTrue(calls.get(1).path("id").asText().matches("call_[A-Za-z0-9]{24}"), calls.get(1).path("id").asText());
        }
    }
}
