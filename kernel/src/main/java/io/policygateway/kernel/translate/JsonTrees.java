package io.policygateway.kernel.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import java.util.Optional;

/** Small helpers over Jackson trees shared by the translators. Stateless. */
final class JsonTrees {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonTrees() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The text of {@code node.field} when it is a non-null scalar. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? Optional.empty() : Optional.of(value.asText());
    }

    static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asLong() : 0;
    }

    static void copyIfPresent(JsonNode from, String fromField, ObjectNode to, String toField) {
        JsonNode value = from.get(fromField);
        if (value != null && !value.isNull()) {
            to.set(toField, value.deepCopy());
        }
    }

    /** Serialises a tree (tool arguments travel as JSON strings in OpenAI's formats). */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree always serialises", impossible);
        }
    }

    /**
     * Parses tool arguments a model produced. Blank arguments are an empty object; anything that is
     * not a JSON object is an {@code UPSTREAM} error naming the tool.
     */
    static ObjectNode parseArguments(String arguments, String toolName) throws GatewayException {
        if (arguments == null || arguments.isBlank()) {
            return object();
        }
        try {
            JsonNode parsed = MAPPER.readTree(arguments);
            if (parsed instanceof ObjectNode objectNode) {
                return objectNode;
            }
        } catch (JsonProcessingException notJson) {
            // reported below
        }
        throw new GatewayException(io.policygateway.api.ErrorCategory.UPSTREAM,
                "the provider returned arguments for tool '" + toolName + "' that are not a JSON object");
    }

    /** An {@code INVALID_REQUEST} error naming the field at fault. */
    static GatewayException invalid(String field, String reason) {
        return GatewayException.invalid(field, field + ": " + reason);
    }
}
