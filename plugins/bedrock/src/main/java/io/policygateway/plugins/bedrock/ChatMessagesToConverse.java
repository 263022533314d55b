package io.policygateway.plugins.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import java.util.Set;

/**
 * Maps OpenAI chat {@code messages} to Converse {@code system} text and {@code messages}: user text,
 * base64 images ({@code png}, {@code jpeg}, {@code gif}, {@code webp}) and PDF files; assistant text and
 * {@code toolUse} blocks; tool results as {@code toolResult} blocks (a JSON object result as
 * {@code json}, anything else as {@code text}) in the next user turn. Consecutive turns of one role are
 * merged, as Converse requires alternating roles, and empty text is never sent.
 */
final class ChatMessagesToConverse {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> IMAGE_FORMATS = Set.of("png", "jpeg", "gif", "webp");

    private ChatMessagesToConverse() {
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
                case "user" -> append(turns, "user", userBlocks(message.get("content"), path, provider));
                case "assistant" -> append(turns, "assistant", assistantBlocks(message, path));
                case "tool" -> {
                    ObjectNode block = NODES.objectNode();
                    ObjectNode result = block.putObject("toolResult");
                    result.put("toolUseId", message.path("tool_call_id").asText());
                    result.putArray("content").add(resultContent(text(message.get("content"), path)));
                    append(turns, "user", NODES.arrayNode().add(block));
                }
                default -> throw GatewayException.invalid(path + ".role",
                        path + ".role: expected system, developer, user, assistant or tool, got '" + role + "'");
            }
        }
        return turns;
    }

    private static void append(ArrayNode turns, String role, ArrayNode blocks) {
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
                case "image_url" -> blocks.add(image(part.path("image_url").path("url").asText(""), partPath, provider));
                case "file" -> blocks.add(document(part.path("file"), partPath, provider));
                case "input_audio" -> throw GatewayException.invalid(partPath, "provider '" + provider
                        + "' (bedrock) does not support audio input (" + partPath + ")");
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
            ObjectNode toolUse = blocks.addObject().putObject("toolUse");
            toolUse.put("toolUseId", call.path("id").asText());
            toolUse.put("name", call.path("function").path("name").asText());
            toolUse.set("input", arguments(call.path("function").path("arguments").asText(""),
                    path + ".tool_calls[" + i + "].function.arguments"));
        }
        return blocks;
    }

    private static ObjectNode image(String url, String path, String provider) throws GatewayException {
        if (!url.startsWith("data:")) {
            throw GatewayException.invalid(path + ".image_url.url", "provider '" + provider
                    + "' (bedrock) does not support images by URL (" + path + ".image_url.url); send a base64 data URL");
        }
        DataUrl data = DataUrl.parse(url, path + ".image_url.url");
        String format = data.mediaType().startsWith("image/") ? data.mediaType().substring("image/".length()) : "";
        format = format.equals("jpg") ? "jpeg" : format;
        if (!IMAGE_FORMATS.contains(format)) {
            throw GatewayException.invalid(path + ".image_url.url", path + ".image_url.url: bedrock accepts png, jpeg, gif or webp images, got '"
                    + data.mediaType() + "'");
        }
        ObjectNode block = NODES.objectNode();
        block.putObject("image").put("format", format).putObject("source").put("bytes", data.base64());
        return block;
    }

    private static ObjectNode document(JsonNode file, String path, String provider) throws GatewayException {
        String data = file.path("file_data").asText("");
        if (data.isEmpty()) {
            throw GatewayException.invalid(path + ".file", "provider '" + provider + "' (bedrock) does not support files by file_id (" + path + ".file)");
        }
        DataUrl parsed = DataUrl.parse(data, path + ".file.file_data");
        if (!parsed.mediaType().equals("application/pdf")) {
            throw GatewayException.invalid(path + ".file.file_data", path + ".file.file_data: bedrock accepts PDF files here, got '"
                    + parsed.mediaType() + "'");
        }
        ObjectNode block = NODES.objectNode();
        ObjectNode document = block.putObject("document").put("format", "pdf");
        document.put("name", "document");
        document.putObject("source").put("bytes", parsed.base64());
        return block;
    }

    private static ObjectNode resultContent(String result) {
        try {
            if (MAPPER.readTree(result) instanceof ObjectNode object) {
                return (ObjectNode) NODES.objectNode().set("json", object);
            }
        } catch (JsonProcessingException notJson) {
            // plain text result
        }
        return NODES.objectNode().put("text", result);
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
        throw GatewayException.invalid(path, path + ": expected a JSON object");
    }

    private static void addText(ArrayNode blocks, String text) {
        if (!text.isEmpty()) {
            blocks.addObject().put("text", text);
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
