package io.policygateway.plugins.jspolicy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Canonical chat requests and responses as the kernel hands them to guardrails. */
final class Chat {
    static final ObjectMapper JSON = new ObjectMapper();

    private Chat() {
    }

    /** A caller of project support-bot, user user-12345, target prod, key team-key, role developer. */
    static PolicyContext caller() {
        return caller("support-bot", Map.of("x-department", "finance"));
    }

    static PolicyContext caller(String project, Map<String, String> headers) {
        return new PolicyContext("trace-0001", "policy", "/chat/completions", Optional.ofNullable(project),
                Optional.of("user-12345"), Optional.of("prod"), Optional.of("team-key"), List.of("developer"),
                Optional.of("policy-gateway"), headers);
    }

    /** A request with one user message, model gpt-4o-mini and temperature 0.2. */
    static GuardrailRequest request(String userText) {
        return request(caller(), userText);
    }

    static GuardrailRequest request(PolicyContext caller, String userText) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", "gpt-4o-mini");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("content", userText);
        body.put("temperature", 0.2);
        return new GuardrailRequest(caller, WireFormat.OPENAI_CHAT, "gpt-4o-mini", body);
    }

    /** A chat.completion answering {@code request} with {@code text}. */
    static GuardrailResponse response(GuardrailRequest request, String text) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-1");
        body.put("object", "chat.completion");
        body.put("model", "gpt-4o-mini");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", "stop");
        return new GuardrailResponse(request, body, "openai", "gpt-4o-mini", new Usage(12, 7, 0), 42);
    }

    /** The text of the first choice of a completion. */
    static String answer(ObjectNode completion) {
        return completion.path("choices").path(0).path("message").path("content").asText();
    }
}
