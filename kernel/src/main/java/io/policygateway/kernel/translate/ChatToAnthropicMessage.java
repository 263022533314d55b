package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.JsonTrees.number;
import static io.policygateway.kernel.translate.JsonTrees.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;

/**
 * Translates an OpenAI chat completion (provider→gateway leg) into the Anthropic {@code message} the
 * caller of {@code /v1/messages} expects: text and {@code tool_use} content blocks, the stop reason
 * and the usage. Only the first choice is used (Anthropic has no {@code n}). Pure function.
 */
public final class ChatToAnthropicMessage {

    private ChatToAnthropicMessage() {
    }

    /**
     * @throws GatewayException {@code UPSTREAM} when the provider returned tool arguments that are not
     *     a JSON object (an Anthropic {@code tool_use.input} must be one)
     */
    public static ObjectNode translate(ObjectNode chatCompletion) throws GatewayException {
        JsonNode choice = chatCompletion.path("choices").path(0);
        JsonNode message = choice.path("message");
        ObjectNode result = object();
        result.put("id", messageId(chatCompletion.path("id").asText("")));
        result.put("type", "message");
        result.put("role", "assistant");
        result.put("model", chatCompletion.path("model").asText(""));
        ArrayNode content = result.putArray("content");
        String text = text(message.get("content"));
        if (!text.isEmpty()) {
            content.addObject().put("type", "text").put("text", text);
        }
        JsonNode refusal = message.get("refusal");
        if (refusal != null && refusal.isTextual() && !refusal.asText().isEmpty()) {
            content.addObject().put("type", "text").put("text", refusal.asText());
        }
        JsonNode toolCalls = message.path("tool_calls");
        for (JsonNode call : toolCalls) {
            String name = call.path("function").path("name").asText();
            ObjectNode block = content.addObject();
            block.put("type", "tool_use");
            block.put("id", call.path("id").asText());
            block.put("name", name);
            block.set("input", JsonTrees.parseArguments(call.path("function").path("arguments").asText(""), name));
        }
        result.put("stop_reason", stopReason(choice.path("finish_reason").asText(null)));
        result.putNull("stop_sequence");
        result.set("usage", usage(chatCompletion.path("usage")));
        return result;
    }

    /** Maps an OpenAI {@code finish_reason} to an Anthropic {@code stop_reason}. */
    static String stopReason(String finishReason) {
        if (finishReason == null) {
            return "end_turn";
        }
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }

    /**
     * Anthropic usage from OpenAI usage. Anthropic's {@code input_tokens} excludes cache reads, which it
     * reports as {@code cache_read_input_tokens}; OpenAI's {@code prompt_tokens} includes them.
     */
    static ObjectNode usage(JsonNode chatUsage) {
        long prompt = number(chatUsage, "prompt_tokens");
        long cached = Math.min(prompt, number(chatUsage.path("prompt_tokens_details"), "cached_tokens"));
        ObjectNode usage = object();
        usage.put("input_tokens", prompt - cached);
        usage.put("output_tokens", number(chatUsage, "completion_tokens"));
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", cached);
        return usage;
    }

    static String messageId(String chatId) {
        if (chatId.startsWith("chatcmpl-")) {
            return "msg_" + chatId.substring("chatcmpl-".length());
        }
        return chatId.startsWith("msg_") ? chatId : "msg_" + chatId;
    }

    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder joined = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                joined.append(part.path("text").asText());
            }
        }
        return joined.toString();
    }
}
