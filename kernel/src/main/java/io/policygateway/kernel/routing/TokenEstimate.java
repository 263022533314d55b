package io.policygateway.kernel.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A cheap estimate of a request's tokens for routing decisions (cost-optimized), not for billing:
 * about four characters per token of the request's text, and the caller's output limit
 * ({@code max_tokens}, {@code max_completion_tokens} or {@code max_output_tokens}) or
 * {@value #DEFAULT_OUTPUT_TOKENS} tokens when it sets none.
 */
public final class TokenEstimate {
    /** The output estimate when the request sets no limit. */
    public static final long DEFAULT_OUTPUT_TOKENS = 512;
    private static final int CHARACTERS_PER_TOKEN = 4;
    private static final int MAX_DEPTH = 32;

    private TokenEstimate() {
    }

    /** Input tokens: the text of {@code messages}, {@code system}, {@code input}, {@code instructions} and {@code prompt}. */
    public static long input(JsonNode body) {
        long characters = 0;
        for (String field : new String[] {"messages", "system", "input", "instructions", "prompt"}) {
            characters += textLength(body.path(field), 0);
        }
        return (characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
    }

    /** Output tokens: the caller's limit, or {@link #DEFAULT_OUTPUT_TOKENS}. */
    public static long output(JsonNode body) {
        for (String field : new String[] {"max_completion_tokens", "max_tokens", "max_output_tokens"}) {
            JsonNode limit = body.path(field);
            if (limit.canConvertToLong() && limit.asLong() > 0) {
                return limit.asLong();
            }
        }
        return DEFAULT_OUTPUT_TOKENS;
    }

    private static long textLength(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            return 0;
        }
        if (node.isTextual()) {
            return node.textValue().length();
        }
        long total = 0;
        if (node.isArray()) {
            for (JsonNode item : node) {
                total += textLength(item, depth + 1);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && !isText(field.getKey())) {
                    continue;
                }
                total += textLength(field.getValue(), depth + 1);
            }
        }
        return total;
    }

    /** Object fields whose string value is prompt text (not a role, type or id). */
    private static boolean isText(String field) {
        return field.equals("content") || field.equals("text") || field.equals("arguments") || field.equals("output");
    }
}
