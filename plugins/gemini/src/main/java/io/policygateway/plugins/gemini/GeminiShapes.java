package io.policygateway.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI chat pieces built from Gemini values: finish reasons, usage, tool calls and chunk envelopes. */
final class GeminiShapes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeminiShapes() {
    }

    /** Maps a Gemini {@code finishReason}; a stop after function calls is {@code tool_calls}. */
    static String finishReason(String finishReason, boolean calledTools) {
        if (finishReason == null || finishReason.isEmpty()) {
            return null;
        }
        return switch (finishReason) {
            case "MAX_TOKENS" -> "length";
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" -> "content_filter";
            default -> calledTools ? "tool_calls" : "stop";
        };
    }

    /**
     * OpenAI usage from {@code usageMetadata}: thinking tokens count as completion tokens (as OpenAI counts
     * reasoning tokens) and are also reported as {@code reasoning_tokens}.
     */
    static ObjectNode usage(JsonNode metadata) {
        long prompt = metadata.path("promptTokenCount").asLong(0);
        long thoughts = metadata.path("thoughtsTokenCount").asLong(0);
        long completion = metadata.path("candidatesTokenCount").asLong(0) + thoughts;
        ObjectNode usage = NODES.objectNode();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", metadata.path("cachedContentTokenCount").asLong(0));
        usage.putObject("completion_tokens_details").put("reasoning_tokens", thoughts);
        return usage;
    }

    /** An OpenAI tool call from a Gemini {@code functionCall} part. */
    static ObjectNode toolCall(JsonNode part) {
        JsonNode functionCall = part.path("functionCall");
        ObjectNode call = NODES.objectNode();
        call.put("id", ToolCallIds.create(functionCall.path("id").asText(null), part.path("thoughtSignature").asText(null)));
        call.put("type", "function");
        JsonNode args = functionCall.get("args");
        call.putObject("function").put("name", functionCall.path("name").asText())
                .put("arguments", args == null || args.isNull() ? "{}" : args.toString());
        return call;
    }

    static String completionId(JsonNode response) {
        String responseId = response.path("responseId").asText("");
        return "chatcmpl-" + (responseId.isEmpty() ? ToolCallIds.create(null, null).substring("call_".length()) : responseId);
    }

    static ObjectNode chunk(String id, long created, String model, int index, ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope(id, created, model);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", index);
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
