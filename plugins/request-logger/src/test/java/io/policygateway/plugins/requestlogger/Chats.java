package io.policygateway.plugins.requestlogger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds requests, answers and configs the way the kernel hands them to guardrails. */
final class Chats {
    private Chats() {
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) TestPluginContext.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static GuardrailRequest request(String traceId, String userText) {
        ObjectNode body = TestPluginContext.JSON.createObjectNode();
        body.put("model", "gpt-4o");
        body.putArray("messages").addObject().put("role", "user").put("content", userText);
        PolicyContext context = new PolicyContext(traceId, "policy", "/chat/completions", Optional.of("support"), Optional.of("alice"),
                Optional.of("web"), Optional.of("support-app"), List.of(), Optional.empty(), Map.of());
        return new GuardrailRequest(context, WireFormat.OPENAI_CHAT, "gpt-4o", body);
    }

    static GuardrailResponse answer(GuardrailRequest request, String content) {
        ObjectNode body = TestPluginContext.JSON.createObjectNode();
        body.put("object", "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        return new GuardrailResponse(request, body, "openai", "gpt-4o-2024-08-06", new Usage(12, 7, 0), 340);
    }

    static PluginConfig config(String text) {
        return new PluginConfig("gateway.yaml", "plugins[0].config", json(text));
    }
}
