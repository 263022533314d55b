package io.policygateway.plugins.secretscan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.StreamGuard;

/** Builds requests, answers and configs the way the kernel hands them to guardrails. */
final class Chats {
    private Chats() {
    }

    static GuardrailRequest request(String traceId, String... userMessages) {
        ObjectNode body = TestPluginContext.JSON.createObjectNode();
        body.put("model", "gpt-4o");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are a helpful assistant.");
        for (String message : userMessages) {
            messages.addObject().put("role", "user").put("content", message);
        }
        return new GuardrailRequest(PolicyContext.anonymous(traceId), WireFormat.OPENAI_CHAT, "gpt-4o", body);
    }

    static GuardrailResponse answer(GuardrailRequest request, String content) {
        ObjectNode body = TestPluginContext.JSON.createObjectNode();
        body.put("object", "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        return new GuardrailResponse(request, body, "openai", "gpt-4o", Usage.NONE, 5);
    }

    static String userText(ObjectNode body, int message) {
        return body.path("messages").get(message).path("content").asText();
    }

    static String answerText(ObjectNode body) {
        return body.path("choices").get(0).path("message").path("content").asText();
    }

    static PluginConfig config(String json) {
        try {
            return new PluginConfig("gateway.yaml", "plugins[0].config", (ObjectNode) TestPluginContext.JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Feeds the chunks through the guard and returns everything it released to the caller. */
    static Streamed stream(StreamGuard guard, String... chunks) {
        StringBuilder released = new StringBuilder();
        StreamGuard.Step last = null;
        for (String chunk : chunks) {
            last = guard.onText(chunk);
            released.append(last.release());
            if (last.verdict().isPresent()) {
                return new Streamed(released.toString(), last);
            }
        }
        last = guard.finish();
        released.append(last.release());
        return new Streamed(released.toString(), last);
    }

    record Streamed(String released, StreamGuard.Step lastStep) {
    }
}
