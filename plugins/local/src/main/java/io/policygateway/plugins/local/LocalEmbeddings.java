package io.policygateway.plugins.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/** Deterministic unit-length embeddings derived from SHA-256 of each input: same text, same vector. */
final class LocalEmbeddings {
    private LocalEmbeddings() {
    }

    static ObjectNode respond(ObjectMapper json, String model, ObjectNode request, int defaultDimensions) throws GatewayException {
        int dimensions = request.path("dimensions").asInt(defaultDimensions);
        if (dimensions < 1 || dimensions > 4096) {
            throw GatewayException.invalid("dimensions", "'dimensions' must be between 1 and 4096.");
        }
        List<String> inputs = new ArrayList<>();
        JsonNode input = request.path("input");
        if (input.isTextual()) {
            inputs.add(input.asText());
        } else if (input.isArray()) {
            for (int i = 0; i < input.size(); i++) {
                if (!input.get(i).isTextual()) {
                    throw GatewayException.invalid("input[" + i + "]", "The local provider embeds strings only.");
                }
                inputs.add(input.get(i).asText());
            }
        } else {
            throw GatewayException.invalid("input", "'input' must be a string or an array of strings.");
        }
        ObjectNode response = json.createObjectNode();
        response.put("object", "list");
        ArrayNode data = response.putArray("data");
        long tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            ArrayNode vector = item.putArray("embedding");
            for (double value : vector(inputs.get(i), dimensions)) {
                vector.add(value);
            }
            tokens += LocalAnswers.estimateTokens(inputs.get(i));
        }
        response.put("model", model);
        response.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return response;
    }

    static double[] vector(String text, int dimensions) {
        double[] vector = new double[dimensions];
        byte[] seed = text.getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            int filled = 0;
            for (int round = 0; filled < dimensions; round++) {
                digest.update(seed);
                digest.update((byte) round);
                for (byte b : digest.digest()) {
                    if (filled == dimensions) {
                        break;
                    }
                    vector[filled++] = (b / 128.0);
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        double norm = 0;
        for (double value : vector) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < dimensions; i++) {
            vector[i] = norm == 0 ? 0 : vector[i] / norm;
        }
        return vector;
    }
}
