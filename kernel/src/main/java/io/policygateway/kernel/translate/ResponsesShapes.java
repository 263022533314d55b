package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.JsonTrees.number;
import static io.policygateway.kernel.translate.JsonTrees.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the pieces of OpenAI Responses objects shared by the whole-answer and the streamed
 * translation: the {@code response} envelope (echoing the request's settings, as OpenAI does), output
 * items and usage.
 */
final class ResponsesShapes {

    private ResponsesShapes() {
    }

    /** The envelope with an empty {@code output}; {@code status} is in_progress, completed or incomplete. */
    static ObjectNode envelope(String id, long createdAt, String model, JsonNode request, String status) {
        ObjectNode response = object();
        response.put("id", id);
        response.put("object", "response");
        response.put("created_at", createdAt);
        response.put("status", status);
        response.putNull("error");
        response.putNull("incomplete_details");
        echo(request, "instructions", response, null);
        echo(request, "max_output_tokens", response, null);
        response.put("model", model);
        response.putArray("output");
        response.put("parallel_tool_calls", request.path("parallel_tool_calls").asBoolean(true));
        response.putNull("previous_response_id");
        ObjectNode reasoning = response.putObject("reasoning");
        reasoning.set("effort", request.path("reasoning").path("effort").isTextual()
                ? request.path("reasoning").get("effort").deepCopy() : JsonTrees.NODES.nullNode());
        reasoning.putNull("summary");
        response.put("store", false);
        response.put("temperature", request.path("temperature").asDouble(1.0));
        ObjectNode text = response.putObject("text");
        JsonNode format = request.path("text").get("format");
        text.set("format", format == null || format.isNull() ? object().put("type", "text") : format.deepCopy());
        JsonNode toolChoice = request.get("tool_choice");
        response.set("tool_choice", toolChoice == null || toolChoice.isNull() ? JsonTrees.NODES.textNode("auto") : toolChoice.deepCopy());
        JsonNode tools = request.get("tools");
        response.set("tools", tools == null || !tools.isArray() ? JsonTrees.array() : tools.deepCopy());
        response.put("top_p", request.path("top_p").asDouble(1.0));
        response.put("truncation", "disabled");
        response.putNull("usage");
        echo(request, "user", response, null);
        JsonNode metadata = request.get("metadata");
        response.set("metadata", metadata == null || !metadata.isObject() ? object() : metadata.deepCopy());
        return response;
    }

    static ObjectNode messageItem(String id, String text, String status) {
        ObjectNode item = object();
        item.put("id", id);
        item.put("type", "message");
        item.put("status", status);
        item.put("role", "assistant");
        ObjectNode part = item.putArray("content").addObject();
        outputText(part, text);
        return item;
    }

    static ObjectNode outputText(ObjectNode part, String text) {
        part.put("type", "output_text");
        part.put("text", text);
        part.putArray("annotations");
        return part;
    }

    static ObjectNode functionCallItem(String id, String callId, String name, String arguments, String status) {
        ObjectNode item = object();
        item.put("id", id);
        item.put("type", "function_call");
        item.put("status", status);
        item.put("call_id", callId);
        item.put("name", name);
        item.put("arguments", arguments);
        return item;
    }

    /** Responses usage from chat usage (input includes cached tokens in both). */
    static ObjectNode usage(JsonNode chatUsage) {
        ObjectNode usage = object();
        long input = number(chatUsage, "prompt_tokens");
        long output = number(chatUsage, "completion_tokens");
        usage.put("input_tokens", input);
        usage.putObject("input_tokens_details").put("cached_tokens", number(chatUsage.path("prompt_tokens_details"), "cached_tokens"));
        usage.put("output_tokens", output);
        usage.putObject("output_tokens_details").put("reasoning_tokens",
                number(chatUsage.path("completion_tokens_details"), "reasoning_tokens"));
        usage.put("total_tokens", chatUsage.has("total_tokens") ? number(chatUsage, "total_tokens") : input + output);
        return usage;
    }

    /** Sets {@code status} and {@code incomplete_details} from a chat finish reason. */
    static void finish(ObjectNode response, String finishReason) {
        String reason = switch (finishReason == null ? "" : finishReason) {
            case "length" -> "max_output_tokens";
            case "content_filter" -> "content_filter";
            default -> null;
        };
        if (reason == null) {
            response.put("status", "completed");
        } else {
            response.put("status", "incomplete");
            response.putObject("incomplete_details").put("reason", reason);
        }
    }

    static String suffix(String chatId) {
        return chatId.startsWith("chatcmpl-") ? chatId.substring("chatcmpl-".length()) : chatId;
    }

    private static void echo(JsonNode request, String field, ObjectNode response, String fallback) {
        JsonNode value = request.get(field);
        if (value != null && !value.isNull()) {
            response.set(field, value.deepCopy());
        } else if (fallback != null) {
            response.put(field, fallback);
        } else {
            response.putNull(field);
        }
    }
}
