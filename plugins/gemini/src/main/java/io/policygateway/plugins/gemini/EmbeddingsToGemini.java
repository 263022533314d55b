package io.policygateway.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * OpenAI embeddings to Gemini {@code batchEmbedContents} and back. {@code input} may be a string or a
 * list of strings; {@code dimensions} becomes {@code outputDimensionality}; {@code encoding_format:
 * base64} (the OpenAI Python SDK's default) is honoured by packing little-endian float32 values.
 * Gemini does not report token counts for embeddings, so usage is zero.
 */
final class EmbeddingsToGemini {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EmbeddingsToGemini() {
    }

    static ObjectNode request(ObjectNode openAi, String model) throws GatewayException {
        JsonNode input = openAi.get("input");
        ArrayNode texts = NODES.arrayNode();
        if (input != null && input.isTextual()) {
            texts.add(input.asText());
        } else if (input != null && input.isArray() && !input.isEmpty() && input.get(0).isTextual()) {
            input.forEach(texts::add);
        } else {
            throw GatewayException.invalid("input", "input: expected a string or a list of strings (token arrays are not supported by gemini)");
        }
        ObjectNode request = NODES.objectNode();
        ArrayNode requests = request.putArray("requests");
        for (JsonNode text : texts) {
            ObjectNode item = requests.addObject().put("model", "models/" + model);
            item.putObject("content").putArray("parts").addObject().put("text", text.asText());
            if (openAi.path("dimensions").canConvertToInt()) {
                item.put("outputDimensionality", openAi.path("dimensions").asInt());
            }
        }
        return request;
    }

    static ObjectNode response(ObjectNode gemini, ObjectNode openAi, String model) {
        boolean base64 = "base64".equals(openAi.path("encoding_format").asText("float"));
        ObjectNode result = NODES.objectNode().put("object", "list");
        ArrayNode data = result.putArray("data");
        JsonNode embeddings = gemini.path("embeddings");
        for (int i = 0; i < embeddings.size(); i++) {
            JsonNode values = embeddings.get(i).path("values");
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            if (base64) {
                ByteBuffer buffer = ByteBuffer.allocate(values.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                values.forEach(value -> buffer.putFloat((float) value.asDouble()));
                item.put("embedding", Base64.getEncoder().encodeToString(buffer.array()));
            } else {
                item.set("embedding", values.deepCopy());
            }
        }
        result.put("model", model);
        result.putObject("usage").put("prompt_tokens", 0).put("total_tokens", 0);
        return result;
    }
}
