package io.policygateway.kernel.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import java.util.Set;

/**
 * Checks an OpenAI Chat Completions request before anything else happens, so a malformed one gets
 * a 400 naming the field instead of an upstream's error.
 */
public final class ChatRequestValidator {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    private ChatRequestValidator() {
    }

    public static void validate(ObjectNode body) throws GatewayException {
        JsonBodies.requireString(body, "model");
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw GatewayException.invalid("messages", "'messages' is required: an array of {role, content} objects.");
        }
        if (!messages.isArray()) {
            throw GatewayException.invalid("messages", "'messages' must be an array of {role, content} objects.");
        }
        if (messages.isEmpty()) {
            throw GatewayException.invalid("messages", "'messages' must contain at least one message.");
        }
        for (int i = 0; i < messages.size(); i++) {
            validateMessage(messages.get(i), "messages[" + i + "]");
        }
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw GatewayException.invalid("stream", "'stream' must be true or false.");
        }
    }

    private static void validateMessage(JsonNode message, String path) throws GatewayException {
        if (!message.isObject()) {
            throw GatewayException.invalid(path, "'" + path + "' must be an object with 'role' and 'content'.");
        }
        JsonNode role = message.get("role");
        if (role == null || !role.isTextual()) {
            throw GatewayException.invalid(path + ".role", "'" + path + ".role' is required (one of system, user, assistant, tool).");
        }
        if (!ROLES.contains(role.asText())) {
            throw GatewayException.invalid(path + ".role", "'" + path + ".role' must be one of system, developer, user, assistant, tool; got '"
                    + role.asText() + "'.");
        }
        JsonNode content = message.get("content");
        boolean hasToolCalls = message.path("tool_calls").isArray() || message.has("function_call");
        if (content == null || content.isNull()) {
            if (role.asText().equals("assistant") && (hasToolCalls || message.has("refusal") || message.has("audio"))) {
                return;
            }
            throw GatewayException.invalid(path + ".content", "'" + path + ".content' is required.");
        }
        if (!content.isTextual() && !content.isArray()) {
            throw GatewayException.invalid(path + ".content", "'" + path + ".content' must be a string or an array of content parts.");
        }
        if (content.isArray()) {
            for (int p = 0; p < content.size(); p++) {
                JsonNode part = content.get(p);
                if (!part.isObject() || !part.path("type").isTextual()) {
                    throw GatewayException.invalid(path + ".content[" + p + "]", "'" + path + ".content[" + p
                            + "]' must be an object with a 'type' (text, image_url, …).");
                }
            }
        }
    }
}
