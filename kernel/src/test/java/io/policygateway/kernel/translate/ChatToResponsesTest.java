package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.Fixtures.assertSameJson;
import static io.policygateway.kernel.translate.Fixtures.json;
import static io.policygateway.kernel.translate.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ChatToResponsesTest {

    @Test
    void translatesTextAndToolCallsIntoOutputItemsWithUsage() {
        ObjectNode request = parse("{\"model\":\"gpt-4o\",\"input\":\"weather?\",\"instructions\":\"Be brief.\",\"temperature\":0.3}");
        ObjectNode response = ChatToResponses.translate(json("openai-chat-completion-tool-calls.json"), request);
        assertEquals("resp_9xToOl", response.path("id").asText());
        assertEquals("response", response.path("object").asText());
        assertEquals(1736762100, response.path("created_at").asLong());
        assertEquals("completed", response.path("status").asText());
        assertEquals("Be brief.", response.path("instructions").asText());
        assertEquals(0.3, response.path("temperature").asDouble());
        assertSameJson("""
                [{"id":"msg_9xToOl","type":"message","status":"completed","role":"assistant",
                  "content":[{"type":"output_text","text":"Let me check both cities.","annotations":[]}]},
                 {"id":"fc_call_8mW1uWb2OAoRqaBvzmOQ2VpT","type":"function_call","status":"completed",
                  "call_id":"call_8mW1uWb2OAoRqaBvzmOQ2VpT","name":"get_weather","arguments":"{\\"location\\": \\"Paris\\"}"},
                 {"id":"fc_call_Xy4a3sPzZ1Cwq9H7dNVdBE3k","type":"function_call","status":"completed",
                  "call_id":"call_Xy4a3sPzZ1Cwq9H7dNVdBE3k","name":"get_weather","arguments":"{\\"location\\": \\"Tokyo\\"}"}]""",
                response.path("output"));
        assertSameJson("""
                {"input_tokens":82,"input_tokens_details":{"cached_tokens":64},"output_tokens":51,
                 "output_tokens_details":{"reasoning_tokens":0},"total_tokens":133}""", response.path("usage"));
    }

    @Test
    void reportsAnAnswerCutByTheTokenLimitAsIncomplete() {
        ObjectNode response = ChatToResponses.translate(parse("""
                {"id":"chatcmpl-2","created":1,"model":"m","choices":[{"index":0,"finish_reason":"length",
                 "message":{"role":"assistant","content":"Once upon"}}],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}"""),
                parse("{\"input\":\"story\",\"max_output_tokens\":2}"));
        assertEquals("incomplete", response.path("status").asText());
        assertEquals("max_output_tokens", response.path("incomplete_details").path("reason").asText());
        assertEquals(2, response.path("max_output_tokens").asInt());
    }
}
