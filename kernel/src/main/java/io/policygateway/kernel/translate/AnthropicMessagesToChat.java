package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.JsonTrees.array;
import static io.policygateway.kernel.translate.JsonTrees.invalid;
import static io.policygateway.kernel.translate.JsonTrees.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;

/**
 * Translates Anthropic {@code messages} into OpenAI chat messages.
 *
 * <ul>
 * <li>user text and images (base64 or URL) become content parts; base64 PDF documents become
 *     {@code file} parts; plain-text documents become text;</li>
 * <li>{@code tool_result} blocks become {@code tool} messages placed first, as OpenAI requires them
 *     right after the assistant's tool calls; images inside a tool result follow in the user message;
 *     a result marked {@code is_error} is prefixed with {@code "Error: "};</li>
 * <li>assistant text becomes {@code content}, {@code tool_use} becomes {@code tool_calls} with the input
 *     serialised as the arguments string; thinking blocks are dropped.</li>
 * </ul>
 */
final class AnthropicMessagesToChat {

    private AnthropicMessagesToChat() {
    }

    /** @param lenient leave out content the chat format cannot carry instead of refusing it */
    static void translate(JsonNode messages, ArrayNode into, boolean lenient) throws GatewayException {
        if (messages == null || !messages.isArray()) {
            throw invalid("messages", "expected an array of {role, content} objects");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String path = "messages[" + i + "]";
            if (!message.isObject()) {
                throw invalid(path, "expected an object with role and content");
            }
            String role = message.path("role").asText("");
            JsonNode content = message.get("content");
            if (content == null || !(content.isTextual() || content.isArray())) {
                throw invalid(path + ".content", "expected a string or an array of content blocks");
            }
            switch (role) {
                case "user" -> user(content, path, into, lenient);
                case "assistant" -> assistant(content, path, into, lenient);
                default -> throw invalid(path + ".role", "expected 'user' or 'assistant', got '" + role + "'");
            }
        }
    }

    private static void user(JsonNode content, String path, ArrayNode into, boolean lenient) throws GatewayException {
        if (content.isTextual()) {
            into.addObject().put("role", "user").put("content", content.asText());
            return;
        }
        ArrayNode parts = array();
        for (int i = 0; i < content.size(); i++) {
            JsonNode block = content.get(i);
            String blockPath = path + ".content[" + i + "]";
            String type = block.path("type").asText("");
            if (lenient && !translatable(block)) {
                continue;
            }
            switch (type) {
                case "text" -> parts.addObject().put("type", "text").put("text", block.path("text").asText());
                case "image" -> parts.add(image(block.path("source"), blockPath));
                case "document" -> parts.add(document(block.path("source"), blockPath));
                case "tool_result" -> toolResult(block, blockPath, into, parts);
                default -> throw invalid(blockPath + ".type", "the content block type '" + type
                        + "' cannot be translated to OpenAI chat");
            }
        }
        if (!parts.isEmpty()) {
            ObjectNode message = into.addObject().put("role", "user");
            if (parts.size() == 1 && "text".equals(parts.get(0).path("type").asText())) {
                message.put("content", parts.get(0).path("text").asText());
            } else {
                message.set("content", parts);
            }
        }
    }

    private static void toolResult(JsonNode block, String path, ArrayNode into, ArrayNode userParts) throws GatewayException {
        String id = block.path("tool_use_id").asText("");
        if (id.isEmpty()) {
            throw invalid(path + ".tool_use_id", "is required");
        }
        StringBuilder text = new StringBuilder();
        if (block.path("is_error").asBoolean(false)) {
            text.append("Error: ");
        }
        JsonNode content = block.get("content");
        if (content != null && content.isTextual()) {
            text.append(content.asText());
        } else if (content != null && content.isArray()) {
            for (int i = 0; i < content.size(); i++) {
                JsonNode part = content.get(i);
                switch (part.path("type").asText("")) {
                    case "text" -> text.append(part.path("text").asText());
                    case "image" -> userParts.add(image(part.path("source"), path + ".content[" + i + "]"));
                    default -> throw invalid(path + ".content[" + i + "].type", "expected text or image in a tool result");
                }
            }
        }
        into.addObject().put("role", "tool").put("tool_call_id", id).put("content", text.toString());
    }

    private static void assistant(JsonNode content, String path, ArrayNode into, boolean lenient) throws GatewayException {
        ObjectNode message = into.addObject().put("role", "assistant");
        if (content.isTextual()) {
            message.put("content", content.asText());
            return;
        }
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = array();
        for (int i = 0; i < content.size(); i++) {
            JsonNode block = content.get(i);
            String type = block.path("type").asText("");
            if (lenient && !type.equals("text") && !type.equals("tool_use")) {
                continue;
            }
            switch (type) {
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" -> {
                    ObjectNode call = toolCalls.addObject();
                    call.put("id", block.path("id").asText());
                    call.put("type", "function");
                    ObjectNode function = call.putObject("function");
                    function.put("name", block.path("name").asText());
                    JsonNode input = block.get("input");
                    function.put("arguments", JsonTrees.write(input == null || input.isNull() ? object() : input));
                }
                case "thinking", "redacted_thinking" -> {
                    // Reasoning traces are the provider's own; an OpenAI-format provider cannot take them back.
                }
                default -> throw invalid(path + ".content[" + i + "].type", "the assistant content block type '"
                        + type + "' cannot be translated to OpenAI chat");
            }
        }
        if (text.isEmpty() && !toolCalls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text.toString());
        }
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
    }

    /** Whether a user content block can be carried by OpenAI chat. */
    private static boolean translatable(JsonNode block) {
        String source = block.path("source").path("type").asText("");
        return switch (block.path("type").asText("")) {
            case "text", "tool_result" -> true;
            case "image" -> source.equals("base64") || source.equals("url");
            case "document" -> source.equals("base64") || source.equals("text");
            default -> false;
        };
    }

    private static ObjectNode image(JsonNode source, String path) throws GatewayException {
        String type = source.path("type").asText("");
        String url = switch (type) {
            case "base64" -> "data:" + source.path("media_type").asText("image/png") + ";base64," + source.path("data").asText();
            case "url" -> source.path("url").asText();
            default -> throw invalid(path + ".source.type", "expected base64 or url for an image, got '" + type + "'");
        };
        ObjectNode part = object().put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }

    private static ObjectNode document(JsonNode source, String path) throws GatewayException {
        String type = source.path("type").asText("");
        if (type.equals("text")) {
            return object().put("type", "text").put("text", source.path("data").asText());
        }
        if (type.equals("base64")) {
            String mediaType = source.path("media_type").asText("application/pdf");
            ObjectNode part = object().put("type", "file");
            part.putObject("file").put("filename", "document.pdf")
                    .put("file_data", "data:" + mediaType + ";base64," + source.path("data").asText());
            return part;
        }
        throw invalid(path + ".source.type", "documents can be translated to OpenAI chat only as base64 or text, got '"
                + type + "'");
    }
}
