package io.policygateway.plugins.jspolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a script's rewrite to a copy of the canonical (OpenAI chat) request or response, checking
 * that the result is still a well-formed chat request or completion.
 */
final class Rewrites {
    private static final Set<String> REQUEST_KEYS = Set.of("model", "messages", "parameters");
    private static final Set<String> RESPONSE_KEYS = Set.of("choices", "text");
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    private Rewrites() {
    }

    /**
     * The new request body: {@code model} and {@code messages} replace the original ones when
     * present, {@code parameters} replaces every other top-level field when present.
     */
    static ObjectNode request(ObjectNode body, JsonNode request) throws InvalidResultException {
        if (!request.isObject()) {
            throw new InvalidResultException("'request' must be an object with model, messages and/or parameters");
        }
        onlyKeys(request, REQUEST_KEYS, "request");
        ObjectNode rewritten = body.deepCopy();
        JsonNode model = request.get("model");
        if (model != null && !model.isNull()) {
            if (!model.isTextual() || model.asText().isBlank()) {
                throw new InvalidResultException("request.model must be a non-empty string");
            }
            rewritten.put("model", model.asText());
        }
        JsonNode messages = request.get("messages");
        if (messages != null && !messages.isNull()) {
            checkMessages(messages);
            rewritten.set("messages", messages.deepCopy());
        }
        JsonNode parameters = request.get("parameters");
        if (parameters != null && !parameters.isNull()) {
            if (!parameters.isObject()) {
                throw new InvalidResultException("request.parameters must be an object");
            }
            List<String> old = new ArrayList<>();
            rewritten.fieldNames().forEachRemaining(old::add);
            old.stream().filter(name -> !name.equals("model") && !name.equals("messages")).forEach(rewritten::remove);
            Iterator<Map.Entry<String, JsonNode>> fields = parameters.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("model") && !field.getKey().equals("messages")) {
                    rewritten.set(field.getKey(), field.getValue().deepCopy());
                }
            }
        }
        return rewritten;
    }

    /**
     * The new completion: {@code choices} replaces the original choices, or {@code text} replaces
     * the first choice's message content.
     */
    static ObjectNode response(ObjectNode body, JsonNode response) throws InvalidResultException {
        if (!response.isObject()) {
            throw new InvalidResultException("'response' must be an object with choices or text");
        }
        onlyKeys(response, RESPONSE_KEYS, "response");
        ObjectNode rewritten = body.deepCopy();
        JsonNode choices = response.get("choices");
        if (choices != null && !choices.isNull()) {
            if (!choices.isArray() || choices.isEmpty()) {
                throw new InvalidResultException("response.choices must be a non-empty array");
            }
            for (int i = 0; i < choices.size(); i++) {
                JsonNode choice = choices.get(i);
                if (!choice.isObject() || !choice.path("message").isObject()) {
                    throw new InvalidResultException("response.choices[" + i + "] must be an object with a message");
                }
                checkMessage("response.choices[" + i + "].message", choice.get("message"));
            }
            rewritten.set("choices", choices.deepCopy());
        }
        JsonNode text = response.get("text");
        if (text != null && !text.isNull()) {
            if (!text.isTextual()) {
                throw new InvalidResultException("response.text must be a string");
            }
            ArrayNode rewrittenChoices = rewritten.withArrayProperty("choices");
            if (rewrittenChoices.isEmpty()) {
                rewrittenChoices.addObject().put("index", 0).put("finish_reason", "stop");
            }
            ObjectNode first = (ObjectNode) rewrittenChoices.get(0);
            first.withObjectProperty("message").put("role", "assistant").put("content", text.asText());
        }
        return rewritten;
    }

    private static void checkMessages(JsonNode messages) throws InvalidResultException {
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidResultException("request.messages must be a non-empty array");
        }
        for (int i = 0; i < messages.size(); i++) {
            checkMessage("request.messages[" + i + "]", messages.get(i));
        }
    }

    private static void checkMessage(String path, JsonNode message) throws InvalidResultException {
        if (!message.isObject()) {
            throw new InvalidResultException(path + " must be an object with role and content");
        }
        JsonNode role = message.get("role");
        if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
            throw new InvalidResultException(path + ".role must be one of " + String.join(", ", ROLES.stream().sorted().toList()));
        }
        JsonNode content = message.get("content");
        if (content != null && !content.isNull() && !content.isTextual() && !content.isArray()) {
            throw new InvalidResultException(path + ".content must be a string, an array of parts or null");
        }
    }

    private static void onlyKeys(JsonNode node, Set<String> keys, String name) throws InvalidResultException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!keys.contains(key)) {
                throw new InvalidResultException(name + " may only have " + String.join(", ", keys.stream().sorted().toList()));
            }
        }
    }
}
