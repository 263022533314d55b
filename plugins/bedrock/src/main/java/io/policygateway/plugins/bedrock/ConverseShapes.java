package io.policygateway.plugins.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI chat pieces built from Converse values: finish reasons, usage and chunk envelopes. */
final class ConverseShapes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConverseShapes() {
    }

    /** Maps a Converse {@code stopReason}; a forced JSON-mode tool call counts as a normal stop. */
    static String finishReason(String stopReason, boolean jsonMode) {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> jsonMode ? "stop" : "tool_calls";
            case "guardrail_intervened", "content_filtered" -> "content_filter";
            default -> "stop";
        };
    }

    /** OpenAI usage from Converse usage; cache reads and writes count as prompt tokens, as in OpenAI. */
    static ObjectNode usage(JsonNode usage) {
        long cacheRead = usage.path("cacheReadInputTokens").asLong(0);
        long prompt = usage.path("inputTokens").asLong(0) + cacheRead + usage.path("cacheWriteInputTokens").asLong(0);
        long completion = usage.path("outputTokens").asLong(0);
        ObjectNode chat = NODES.objectNode();
        chat.put("prompt_tokens", prompt);
        chat.put("completion_tokens", completion);
        chat.put("total_tokens", prompt + completion);
        chat.putObject("prompt_tokens_details").put("cached_tokens", cacheRead);
        return chat;
    }

    static String completionId(String requestId) {
        return "chatcmpl-" + requestId;
    }

    static ObjectNode chunk(String id, long created, String model, ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope(id, created, model);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    static ObjectNode usageChunk(String id, long created, String model, ObjectNode usage) {
        ObjectNode chunk = envelope(id, created, model);
        chunk.putArray("choices");
        chunk.set("usage", usage);
        return chunk;
    }

    private static ObjectNode envelope(String id, long created, String model) {
        ObjectNode chunk = NODES.objectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        return chunk;
    }
}
