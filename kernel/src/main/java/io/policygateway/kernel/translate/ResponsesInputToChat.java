package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.JsonTrees.array;
import static io.policygateway.kernel.translate.JsonTrees.invalid;
import static io.policygateway.kernel.translate.JsonTrees.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;

/**
 * Translates a Responses {@code input} (a string, or a list of items) into chat messages: messages with
 * {@code input_text}, {@code input_image}, {@code input_file} (as file data) and {@code output_text}
 * parts; consecutive {@code function_call} items become one assistant message with {@code tool_calls};
 * {@code function_call_output} items become {@code tool} messages; {@code reasoning} items are dropped.
 */
final class ResponsesInputToChat {

    private static final java.util.Set<String> KNOWN_ITEMS = java.util.Set.of("message", "function_call", "function_call_output", "reasoning");
    private static final java.util.Set<String> KNOWN_PARTS = java.util.Set.of("input_text", "output_text", "text", "refusal", "input_image",
            "input_file");

    private ResponsesInputToChat() {
    }

    /** @param lenient leave out items and parts the chat format cannot carry instead of refusing them */
    static void translate(JsonNode input, ArrayNode into, boolean lenient) throws GatewayException {
        if (input == null || input.isNull()) {
            throw invalid("input", "is required");
        }
        if (input.isTextual()) {
            into.addObject().put("role", "user").put("content", input.asText());
            return;
        }
        if (!input.isArray()) {
            throw invalid("input", "expected a string or an array of input items");
        }
        ObjectNode pendingToolCalls = null;
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String path = "input[" + i + "]";
            String type = item.path("type").asText(item.has("role") ? "message" : "");
            if (!type.equals("function_call")) {
                pendingToolCalls = null;
            }
            if (lenient && !KNOWN_ITEMS.contains(type)) {
                continue;
            }
            switch (type) {
                case "message" -> message(item, path, into, lenient);
                case "function_call" -> {
                    if (pendingToolCalls == null) {
                        pendingToolCalls = into.addObject().put("role", "assistant");
                        pendingToolCalls.putNull("content");
                        pendingToolCalls.putArray("tool_calls");
                    }
                    ObjectNode call = ((ArrayNode) pendingToolCalls.get("tool_calls")).addObject();
                    call.put("id", item.path("call_id").asText());
                    call.put("type", "function");
                    call.putObject("function").put("name", item.path("name").asText())
                            .put("arguments", item.path("arguments").asText("{}"));
                }
                case "function_call_output" -> {
                    JsonNode output = item.path("output");
                    into.addObject().put("role", "tool").put("tool_call_id", item.path("call_id").asText())
                            .put("content", output.isTextual() ? output.asText() : outputText(output));
                }
                case "reasoning" -> {
                    // a previous turn's reasoning summary; providers other than OpenAI cannot take it back
                }
                default -> throw invalid(path + ".type", "the input item type '" + type + "' cannot be served through the gateway");
            }
        }
    }

    private static void message(JsonNode item, String path, ArrayNode into, boolean lenient) throws GatewayException {
        String role = item.path("role").asText("");
        if (!role.equals("user") && !role.equals("assistant") && !role.equals("system") && !role.equals("developer")) {
            throw invalid(path + ".role", "expected user, assistant, system or developer, got '" + role + "'");
        }
        JsonNode content = item.get("content");
        ObjectNode message = into.addObject().put("role", role.equals("developer") ? "system" : role);
        if (content != null && content.isTextual()) {
            message.put("content", content.asText());
            return;
        }
        if (content == null || !content.isArray()) {
            throw invalid(path + ".content", "expected a string or an array of content parts");
        }
        ArrayNode parts = array();
        StringBuilder text = new StringBuilder();
        boolean onlyText = true;
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String partType = part.path("type").asText("");
            if (lenient && (!KNOWN_PARTS.contains(partType) || (partType.equals("input_image") && part.path("image_url").asText("").isEmpty())
                    || (partType.equals("input_file") && part.path("file_data").asText("").isEmpty()))) {
                continue;
            }
            switch (partType) {
                case "input_text", "output_text", "text" -> {
                    text.append(part.path("text").asText());
                    parts.addObject().put("type", "text").put("text", part.path("text").asText());
                }
                case "refusal" -> {
                    text.append(part.path("refusal").asText());
                    parts.addObject().put("type", "text").put("text", part.path("refusal").asText());
                }
                case "input_image" -> {
                    onlyText = false;
                    String url = part.path("image_url").asText("");
                    if (url.isEmpty()) {
                        throw invalid(path + ".content[" + i + "].image_url", "is required (file_id images are not supported)");
                    }
                    ObjectNode imageUrl = parts.addObject().put("type", "image_url").putObject("image_url").put("url", url);
                    JsonTrees.copyIfPresent(part, "detail", imageUrl, "detail");
                }
                case "input_file" -> {
                    onlyText = false;
                    String data = part.path("file_data").asText("");
                    if (data.isEmpty()) {
                        throw invalid(path + ".content[" + i + "].file_data", "is required (file_id files are not supported)");
                    }
                    parts.addObject().put("type", "file").putObject("file")
                            .put("filename", part.path("filename").asText("document.pdf")).put("file_data", data);
                }
                default -> throw invalid(path + ".content[" + i + "].type", "the content part type '" + partType
                        + "' cannot be served through the gateway");
            }
        }
        if (onlyText || !role.equals("user")) {
            message.put("content", text.toString());
        } else {
            message.set("content", parts);
        }
    }

    private static String outputText(JsonNode output) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : output) {
            text.append(part.path("text").asText(""));
        }
        return text.isEmpty() ? JsonTrees.write(output.isMissingNode() ? object() : output) : text.toString();
    }
}
