package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.Fixtures.assertSameJson;
import static io.policygateway.kernel.translate.Fixtures.json;
import static io.policygateway.kernel.translate.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import org.junit.jupiter.api.Test;

class ChatToAnthropicMessageTest {

    @Test
    void translatesTextParallelToolCallsStopReasonAndCachedUsage() throws Exception {
        ObjectNode message = ChatToAnthropicMessage.translate(json("openai-chat-completion-tool-calls.json"));
        assertSameJson("""
                {"id":"msg_9xToOl","type":"message","role":"assistant","model":"gpt-4o-2024-08-06",
                 "content":[{"type":"text","text":"Let me check both cities."},
                  {"type":"tool_use","id":"call_8mW1uWb2OAoRqaBvzmOQ2VpT","name":"get_weather","input":{"location":"Paris"}},
                  {"type":"tool_use","id":"call_Xy4a3sPzZ1Cwq9H7dNVdBE3k","name":"get_weather","input":{"location":"Tokyo"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":18,"output_tokens":51,"cache_creation_input_tokens":0,"cache_read_input_tokens":64}}""",
                message);
    }

    @Test
    void mapsFinishReasonsToStopReasons() throws Exception {
        assertEquals("end_turn", stopReasonFor("stop"));
        assertEquals("max_tokens", stopReasonFor("length"));
        assertEquals("tool_use", stopReasonFor("tool_calls"));
        assertEquals("refusal", stopReasonFor("content_filter"));
    }

    @Test
    void failsClearlyWhenToolArgumentsAreNotJson() {
        GatewayException error = assertThrows(GatewayException.class, () -> ChatToAnthropicMessage.translate(parse("""
                {"id":"chatcmpl-1","model":"m","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant",
                 "content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"lookup","arguments":"{oops"}}]}}]}""")));
        assertEquals(ErrorCategory.UPSTREAM, error.category());
        assertEquals("the provider returned arguments for tool 'lookup' that are not a JSON object", error.getMessage());
    }

    private static String stopReasonFor(String finishReason) throws GatewayException {
        return ChatToAnthropicMessage.translate(parse("""
                {"id":"chatcmpl-1","model":"m","choices":[{"index":0,"finish_reason":"%s",
                 "message":{"role":"assistant","content":"x"}}],"usage":{"prompt_tokens":1,"completion_tokens":1}}"""
                .formatted(finishReason))).path("stop_reason").asText();
    }
}
