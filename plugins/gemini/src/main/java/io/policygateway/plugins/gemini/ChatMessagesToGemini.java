package io.policygateway.plugins.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps OpenAI chat {@code messages} to Gemini {@code contents}: user turns ({@code role: user}) with
 * {@code text} and {@code inlineData} parts (images, audio and PDF files from base64 data), assistant
 * turns ({@code role: model}) with text and {@code functionCall} parts, and tool results as
 * {@code functionResponse} parts, named after the call they answer. Consecutive turns of one role are
 * merged. A Gemini thought signature carried in a tool call id (see {@link ToolCallIds}) is given back.
 */
final class ChatMessagesToGemini {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChatMessagesToGemini() {
    }

    static ArrayNode translate(JsonNode messages, StringBuilder system, String provider) throws GatewayException {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw GatewayException.invalid("messages", "messages: expected a non-empty array of {role, content} objects");
        }
        ArrayNode contents = NODES.arrayNode();
        Map<String, String> toolNames = new HashMap<>();
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
                case "user" -> append(contents, "user", userParts(message.get("content"), path, provider));
                case "assistant" -> append(contents, "model", modelParts(message, path, toolNames));
                case "tool" -> {
                    String callId = message.path("tool_call_id").asText("");
                    String name = toolNames.get(callId);
                    if (name == null) {
                        throw GatewayException.invalid(path + ".tool_call_id", path + ".tool_call_id: '" + callId
                                + "' does not answer a tool call of an earlier assistant message");
                    }
                    ObjectNode response = NODES.objectNode();
                    ObjectNode functionResponse = response.putObject("functionResponse").put("name", name);
                    functionResponse.set("response", responseObject(text(message.get("content"), path)));
                    append(contents, "user", NODES.arrayNode().add(response));
                }
                default -> throw GatewayException.invalid(path + ".role",
                        path + ".role: expected system, developer, user, assistant or tool, got '" + role + "'");
            }
        }
        return contents;
    }

    private static void append(ArrayNode contents, String role, ArrayNode parts) {
        if (parts.isEmpty()) {
            return;
        }
        JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
        if (last != null && last.path("role").asText().equals(role)) {
            ((ArrayNode) last.get("parts")).addAll(parts);
        } else {
            contents.addObject().put("role", role).set("parts", parts);
        }
    }

    private static ArrayNode userParts(JsonNode content, String path, String provider) throws GatewayException {
        ArrayNode parts = NODES.arrayNode();
        if (content != null && content.isTextual()) {
            addText(parts, content.asText());
            return parts;
        }
        if (content == null || !content.isArray()) {
            throw GatewayException.invalid(path + ".content", path + ".content: expected a string or an array of content parts");
        }
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String partPath = path + ".content[" + i + "]";
            String type = part.path("type").asText("");
            switch (type) {
                case "text" -> addText(parts, part.path("text").asText());
                case "image_url" -> {
                    String url = part.path("image_url").path("url").asText("");
                    if (!url.startsWith("data:")) {
                        throw GatewayException.invalid(partPath + ".image_url.url", "provider '" + provider
                                + "' (gemini) does not support images by URL (" + partPath + ".image_url.url); send a base64 data URL");
                    }
                    parts.add(inlineData(DataUrl.parse(url, partPath + ".image_url.url")));
                }
                case "input_audio" -> {
                    String format = part.path("input_audio").path("format").asText("wav");
                    parts.add(inlineData(new DataUrl("audio/" + format, part.path("input_audio").path("data").asText())));
                }
                case "file" -> {
                    String data = part.path("file").path("file_data").asText("");
                    if (data.isEmpty()) {
                        throw GatewayException.invalid(partPath + ".file", "provider '" + provider
                                + "' (gemini) does not support files by file_id (" + partPath + ".file)");
                    }
                    parts.add(inlineData(DataUrl.parse(data, partPath + ".file.file_data")));
                }
                default -> throw GatewayException.invalid(partPath + ".type", partPath + ".type: unknown content part '" + type + "'");
            }
        }
        return parts;
    }

    private static ArrayNode modelParts(JsonNode message, String path, Map<String, String> toolNames) throws GatewayException {
        ArrayNode parts = NODES.arrayNode();
        JsonNode content = message.get("content");
        if (content != null && !content.isNull()) {
            addText(parts, text(content, path));
        }
        JsonNode calls = message.path("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            String id = call.path("id").asText("");
            String name = call.path("function").path("name").asText();
            toolNames.put(id, name);
            ObjectNode part = parts.addObject();
            ObjectNode functionCall = part.putObject("functionCall").put("name", name);
            functionCall.set("args", arguments(call.path("function").path("arguments").asText(""),
                    path + ".tool_calls[" + i + "].function.arguments"));
            ToolCallIds.thoughtSignature(id).ifPresent(signature -> part.put("thoughtSignature", signature));
        }
        return parts;
    }

    private static ObjectNode inlineData(DataUrl data) {
        ObjectNode part = NODES.objectNode();
        part.putObject("inlineData").put("mimeType", data.mediaType()).put("data", data.base64());
        return part;
    }

    /** Gemini wants an object as a function's response: a JSON object result is sent as is, anything else wrapped. */
    private static ObjectNode responseObject(String result) {
        try {
            if (MAPPER.readTree(result) instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException notJson) {
            // plain text result
        }
        return NODES.objectNode().put("result", result);
    }

    private static ObjectNode arguments(String arguments, String path) throws GatewayException {
        if (arguments.isBlank()) {
            return NODES.objectNode();
        }
        try {
            if (MAPPER.readTree(arguments) instanceof ObjectNode args) {
                return args;
            }
        } catch (JsonProcessingException notJson) {
            // reported below
        }
        throw GatewayException.invalid(path, path + ": expected a JSON object");
    }

    private static void addText(ArrayNode parts, String text) {
        if (!text.isEmpty()) {
            parts.addObject().put("text", text);
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
