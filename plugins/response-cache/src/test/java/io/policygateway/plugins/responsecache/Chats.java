package io.policygateway.plugins.responsecache;

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

    static ObjectNode body(String json) {
        try {
            return (ObjectNode) TestPluginContext.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static GuardrailRequest request(String json) {
        return request("support", Map.of(), json);
    }

    /** A request in {@code project} (null: none) with the given (lower-case) headers. */
    static GuardrailRequest request(String project, Map<String, String> headers, String json) {
        return request(project, Optional.empty(), headers, json);
    }

    static GuardrailRequest request(String project, Optional<String> policyId, Map<String, String> headers, String json) {
        ObjectNode body = body(json);
        PolicyContext context = new PolicyContext("trace-1", "policy", "/chat/completions", Optional.ofNullable(project), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), policyId, headers);
        return new GuardrailRequest(context, WireFormat.OPENAI_CHAT, body.path("model").asText(), body);
    }

    static GuardrailRequest hello() {
        return request("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}");
    }

    static GuardrailResponse answer(GuardrailRequest request, String content, String finishReason) {
        ObjectNode body = TestPluginContext.JSON.createObjectNode();
        body.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", request.model());
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", finishReason);
        choice.putObject("message").put("role", "assistant").put("content", content);
        return new GuardrailResponse(request, body, "openai", request.model(), new Usage(3, 2, 0), 5);
    }

    static PluginConfig config(String json) {
        return new PluginConfig("gateway.yaml", "plugins[0].config", body(json));
    }
}
