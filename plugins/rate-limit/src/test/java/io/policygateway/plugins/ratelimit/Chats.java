package io.policygateway.plugins.ratelimit;

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

    /** A request from {@code key} in {@code project} for {@code user} (null: absent) with one user message. */
    static GuardrailRequest request(String key, String project, String user, String model, String text) {
        ObjectNode body = TestPluginContext.JSON.createObjectNode();
        body.put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", text);
        PolicyContext context = new PolicyContext("trace-1", "v1", "/chat/completions", Optional.ofNullable(project), Optional.ofNullable(user),
                Optional.empty(), Optional.ofNullable(key), List.of(), Optional.empty(), Map.of());
        return new GuardrailRequest(context, WireFormat.OPENAI_CHAT, model, body);
    }

    static GuardrailResponse answer(GuardrailRequest request, String content, Usage usage) {
        ObjectNode body = TestPluginContext.JSON.createObjectNode();
        body.put("object", "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        return new GuardrailResponse(request, body, "openai", request.model(), usage, 5);
    }

    static PluginConfig config(String json) {
        try {
            return new PluginConfig("gateway.yaml", "plugins[0].config", (ObjectNode) TestPluginContext.JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
