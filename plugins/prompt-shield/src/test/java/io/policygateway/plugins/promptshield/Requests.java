package io.policygateway.plugins.promptshield;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.guardrail.GuardrailRequest;

/** Builds canonical chat requests for tests: alternating role and content pairs. */
final class Requests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    static GuardrailRequest chat(String... roleAndContent) {
        ObjectNode body = JSON.createObjectNode().put("model", "gpt-4o-mini");
        ArrayNode messages = body.putArray("messages");
        for (int i = 0; i < roleAndContent.length; i += 2) {
            ObjectNode message = messages.addObject().put("role", roleAndContent[i]).put("content", roleAndContent[i + 1]);
            if (roleAndContent[i].equals("tool")) {
                message.put("tool_call_id", "call_1");
            }
        }
        return new GuardrailRequest(PolicyContext.anonymous("test"), WireFormat.OPENAI_CHAT, "gpt-4o-mini", body);
    }

    static ObjectNode config(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
