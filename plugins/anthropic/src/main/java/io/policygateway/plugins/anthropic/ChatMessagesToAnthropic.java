package io.policygateway.plugins.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;

/**
 * Maps OpenAI chat {@code messages} to Anthropic {@code system} text and {@code messages}:
 * system/developer messages join the system prompt; user text, images (data URLs as base64, other URLs
 * by reference) and PDF files become content blocks; assistant {@code tool_calls} become
 * {@code tool_use} blocks; {@code tool} messages become {@code tool_result} blocks at the start of the
 * next user turn. Consecutive messages of the same role are merged into one turn, as Anthropic
 * expects, and empty text is never sent.
 */
final class ChatMessagesToAnthropic {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChatMessagesToAnthropic() {
    }

    static ArrayNode translate(JsonNode messages, StringBuilder system, String provider) throws GatewayException {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw GatewayException.invalid("messages", "messages: expected a non-empty array of {role, content} objects");
        }
        ArrayNode turns = NODES.arrayNode();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String path = "messages[" + i + "]";
            String role = message.path("role").asText("");
            switch (role) {
                case "system", "developer" -> {
                    if (!system.isEmpty()) {
                        system.append("\n\n");
                    }
                    system.append(text(message.get("content"), path));
                }
                case "user" -> appendTo(turns, "user", userBlocks(message.get("content"), path, provider));
                case "assistant" -> appendTo(turns, "assistant", assistantBlocks(message, path));
                case "tool" -> {
                    ObjectNode result = NODES.objectNode().put("type", "tool_result");
                    result.put("tool_use_id", message.path("tool_call_id").asText());
                    result.put("content", text(message.get("content"), path));
                    appendTo(turns, "user", NODES.arrayNode().add(result));
                }
                default -> throw GatewayException.invalid(path + ".role",
                        path + ".role: expected system, developer, user, assistant or tool, got '" + role + "'");
            }
        }
        return turns;
    }

    private static void appendTo(ArrayNode turns, String role, ArrayNode blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        JsonNode last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && last.path("role").asText().equals(role)) {
            ((ArrayNode) last.get("content")).addAll(blocks);
        } else {
            turns.addObject().put("role", role).set("content", blocks);
        }
    }

    private static ArrayNode userBlocks(JsonNode content, String path, String provider) throws GatewayException {
        ArrayNode blocks = NODES.arrayNode();
        if (content != null && content.isTextual()) {
            addText(blocks, content.asText());
            return blocks;
        }
        if (content == null || !content.isArray()) {
            throw GatewayException.invalid(path + ".content", path + ".content: expected a string or an array of content parts");
        }
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String partPath = path + ".content[" + i + "]";
            String type = part.path("type").asText("");
            switch (type) {
                case "text" -> addText(blocks, part.path("text").asText());
                case "image_url" -> blocks.add(image(part.path("image_url").path("url").asText(""), partPath));
                case "file" -> blocks.add(document(part.path("file"), partPath, provider));
                case "input_audio" -> throw Capabilities.unsupported(provider, partPath, "audio input");
                default -> throw GatewayException.invalid(partPath + ".type", partPath + ".type: unknown content part '" + type + "'");
            }
        }
        return blocks;
    }

    private static ArrayNode assistantBlocks(JsonNode message, String path) throws GatewayException {
        ArrayNode blocks = NODES.arrayNode();
        JsonNode content = message.get("content");
        if (content != null && !content.isNull()) {
            addText(blocks, text(content, path));
        }
        JsonNode calls = message.path("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            ObjectNode block = blocks.addObject().put("type", "tool_use");
            block.put("id", call.path("id").asText());
            block.put("name", call.path("function").path("name").asText());
            block.set("input", arguments(call.path("function").path("arguments").asText(""),
                    path + ".tool_calls[" + i + "].function.arguments"));
        }
        return blocks;
    }

    private static ObjectNode arguments(String arguments, String path) throws GatewayException {
        if (arguments.isBlank()) {
            return NODES.objectNode();
        }
        try {
            if (MAPPER.readTree(arguments) instanceof ObjectNode input) {
                return input;
            }
        } catch (JsonProcessingException notJson) {
            // reported below
        }
        throw GatewayException.invalid(path, path + ": expected a JSON object, as Anthropic tool input must be one");
    }

    private static ObjectNode image(String url, String path) throws GatewayException {
        ObjectNode block = NODES.objectNode().put("type", "image");
        ObjectNode source = block.putObject("source");
        if (url.startsWith("data:")) {
            DataUrl data = DataUrl.parse(url, path + ".image_url.url");
            source.put("type", "base64").put("media_type", data.mediaType()).put("data", data.base64());
        } else if (url.startsWith("http://") || url.startsWith("https://")) {
            source.put("type", "url").put("url", url);
        } else {
            throw GatewayException.invalid(path + ".image_url.url", path + ".image_url.url: expected a data: or http(s) URL");
        }
        return block;
    }

    private static ObjectNode document(JsonNode file, String path, String provider) throws GatewayException {
        String data = file.path("file_data").asText("");
        if (data.isEmpty()) {
            throw Capabilities.unsupported(provider, path + ".file", "files by file_id");
        }
        DataUrl parsed = DataUrl.parse(data, path + ".file.file_data");
        ObjectNode block = NODES.objectNode().put("type", "document");
        block.putObject("source").put("type", "base64").put("media_type", parsed.mediaType()).put("data", parsed.base64());
        return block;
    }

    private static void addText(ArrayNode blocks, String text) {
        if (!text.isEmpty()) {
            blocks.addObject().put("type", "text").put("text", text);
        }
    }

    private static String text(JsonNode content, String path) throws GatewayException {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw GatewayException.invalid(path + ".content", path + ".content: expected a string or an array of text parts");
        }
        StringBuilder joined = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("type").asText().equals("text")) {
                joined.append(part.path("text").asText());
            }
        }
        return joined.toString();
    }
}
