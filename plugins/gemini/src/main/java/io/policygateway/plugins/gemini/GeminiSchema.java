package io.policygateway.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reduces a JSON Schema (as OpenAI tools and {@code json_schema} formats carry it) to the OpenAPI subset
 * Gemini's {@code Schema} accepts: unknown keywords such as {@code additionalProperties},
 * {@code $schema} or {@code strict} are dropped (Gemini refuses them), and a type list with
 * {@code "null"} becomes a single type with {@code nullable: true}. Pure function.
 */
final class GeminiSchema {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> KEPT = Set.of("type", "format", "title", "description", "nullable", "enum",
            "maxItems", "minItems", "properties", "required", "minProperties", "maxProperties", "minLength", "maxLength",
            "pattern", "example", "anyOf", "propertyOrdering", "default", "items", "minimum", "maximum");

    private GeminiSchema() {
    }

    static JsonNode reduce(JsonNode schema) {
        if (!schema.isObject()) {
            return schema.deepCopy();
        }
        ObjectNode reduced = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (!KEPT.contains(key)) {
                continue;
            }
            switch (key) {
                case "type" -> type(value, reduced);
                case "properties" -> {
                    ObjectNode properties = reduced.putObject("properties");
                    value.fields().forEachRemaining(property -> properties.set(property.getKey(), reduce(property.getValue())));
                }
                case "items" -> reduced.set("items", reduce(value));
                case "anyOf" -> {
                    ArrayNode options = reduced.putArray("anyOf");
                    value.forEach(option -> options.add(reduce(option)));
                }
                default -> reduced.set(key, value.deepCopy());
            }
        }
        return reduced;
    }

    private static void type(JsonNode type, ObjectNode reduced) {
        if (!type.isArray()) {
            reduced.set("type", type.deepCopy());
            return;
        }
        for (JsonNode option : type) {
            if (option.asText().equals("null")) {
                reduced.put("nullable", true);
            } else if (!reduced.has("type")) {
                reduced.put("type", option.asText());
            }
        }
    }
}
