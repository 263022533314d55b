package io.policygateway.plugins.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI chat pieces built from Anthropic values: ids, finish reasons, usage and chunk envelopes. */
final class ChatShapes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChatShapes() {
    }

    static String completionId(String messageId) {
        return "chatcmpl-" + (messageId.startsWith("msg_") ? messageId.substring(4) : messageId);
    }

    /** Maps an Anthropic {@code stop_reason}; a forced JSON-mode tool call counts as a normal stop. */
    static String finishReason(String stopReason, boolean jsonMode) {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> jsonMode ? "stop" : "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    /**
     * OpenAI usage from Anthropic usage: OpenAI's {@code prompt_tokens} includes cache reads and writes,
     * which Anthropic counts apart from {@code input_tokens}.
     */
    static ObjectNode usage(long input, long cacheRead, long cacheWrite, long output) {
        ObjectNode usage = NODES.objectNode();
        long prompt = input + cacheRead + cacheWrite;
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", output);
        usage.put("total_tokens", prompt + output);
        usage.putObject("prompt_tokens_details").put("cached_tokens", cacheRead);
        return usage;
    }

    static ObjectNode usage(JsonNode anthropicUsage) {
        return usage(anthropicUsage.path("input_tokens").asLong(0), anthropicUsage.path("cache_read_input_tokens").asLong(0),
                anthropicUsage.path("cache_creation_input_tokens").asLong(0), anthropicUsage.path("output_tokens").asLong(0));
    }

    /** A {@code chat.completion.chunk} with one choice and the given delta. */
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

    /** The last chunk of a stream whose caller asked for usage: no choices, only usage. */
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
