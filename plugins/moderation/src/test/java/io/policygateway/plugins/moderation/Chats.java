package io.policygateway.plugins.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;

/** Builds canonical requests, completions and configs for tests. */
final class Chats {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Chats() {
    }

    static GuardrailRequest request(String... roleAndContent) {
        ObjectNode body = JSON.createObjectNode().put("model", "gpt-4o-mini");
        ArrayNode messages = body.putArray("messages");
        for (int i = 0; i < roleAndContent.length; i += 2) {
            messages.addObject().put("role", roleAndContent[i]).put("content", roleAndContent[i + 1]);
        }
        return new GuardrailRequest(PolicyContext.anonymous("test"), WireFormat.OPENAI_CHAT, "gpt-4o-mini", body);
    }

    static GuardrailResponse response(String answer) {
        ObjectNode completion = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("model", "gpt-4o-mini");
        completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", answer);
        return new GuardrailResponse(request("user", "hi"), completion, "openai", "gpt-4o-mini", new Usage(3, 5, 0), 12);
    }

    static PluginConfig config(String json) {
        try {
            return new PluginConfig("conf/gateway.yaml", "plugins[0].config", (ObjectNode) JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
