package io.policygateway.plugins.bedrock;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Request mapping: an OpenAI chat body becomes a Bedrock Converse body: {@code system},
 * {@code messages} (see {@link ChatMessagesToConverse}), {@code inferenceConfig} ({@code maxTokens},
 * {@code temperature}, {@code topP}, {@code stopSequences}) and {@code toolConfig}. JSON mode has no
 * Converse equivalent: {@code json_schema} becomes one tool the model must call, whose input is then
 * returned as content; {@code json_object} adds an instruction to the system prompt.
 */
final class ChatRequestToConverse {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    static final String JSON_OBJECT_INSTRUCTION = "Respond only with a single valid JSON object, without any other text.";

    /**
     * @param body the Converse body
     * @param jsonTool the forced tool standing for a {@code json_schema} format, if any
     * @param includeUsage whether the caller asked for a usage chunk at the end of the stream
     */
    record Translation(ObjectNode body, Optional<String> jsonTool, boolean includeUsage) {
        Translation {
            requireNonNull(body, "body is null");
            requireNonNull(jsonTool, "jsonTool is null");
        }
    }

    private ChatRequestToConverse() {
    }

    static Translation translate(ObjectNode chat, String provider) throws GatewayException {
        if (chat.path("n").asInt(1) > 1) {
            throw GatewayException.invalid("n", "provider '" + provider + "' (bedrock) does not support more than one choice per request (n)");
        }
        ObjectNode body = NODES.objectNode();
        StringBuilder system = new StringBuilder();
        ArrayNode messages = ChatMessagesToConverse.translate(chat.get("messages"), system, provider);
        ObjectNode inference = NODES.objectNode();
        JsonNode maxTokens = chat.hasNonNull("max_completion_tokens") ? chat.get("max_completion_tokens") : chat.get("max_tokens");
        if (maxTokens != null && maxTokens.canConvertToInt()) {
            inference.put("maxTokens", maxTokens.asInt());
        }
        if (chat.path("temperature").isNumber()) {
            inference.put("temperature", Math.min(1.0, chat.path("temperature").asDouble()));
        }
        if (chat.path("top_p").isNumber()) {
            inference.set("topP", chat.get("top_p").deepCopy());
        }
        JsonNode stop = chat.get("stop");
        if (stop != null && !stop.isNull()) {
            ArrayNode sequences = inference.putArray("stopSequences");
            if (stop.isTextual()) {
                sequences.add(stop.asText());
            } else {
                stop.forEach(sequence -> sequences.add(sequence.asText()));
            }
        }
        Optional<String> jsonTool = responseFormat(chat, body, system, provider);
        if (jsonTool.isEmpty()) {
            tools(chat, body);
        }
        body.set("messages", messages);
        if (!system.isEmpty()) {
            body.putArray("system").addObject().put("text", system.toString());
        }
        if (!inference.isEmpty()) {
            body.set("inferenceConfig", inference);
        }
        return new Translation(body, jsonTool, chat.path("stream_options").path("include_usage").asBoolean(false));
    }

    private static Optional<String> responseFormat(ObjectNode chat, ObjectNode body, StringBuilder system, String provider)
            throws GatewayException {
        JsonNode format = chat.get("response_format");
        String type = format == null ? "text" : format.path("type").asText("text");
        switch (type) {
            case "text" -> {
                return Optional.empty();
            }
            case "json_object" -> {
                if (!system.isEmpty()) {
                    system.append("\n\n");
                }
                system.append(JSON_OBJECT_INSTRUCTION);
                return Optional.empty();
            }
            case "json_schema" -> {
                if (chat.path("tools").size() > 0) {
                    throw GatewayException.invalid("response_format", "provider '" + provider
                            + "' (bedrock) does not support a json_schema response format together with tools (response_format)");
                }
                JsonNode jsonSchema = format.path("json_schema");
                String name = jsonSchema.path("name").asText("json_response");
                if (!TOOL_NAME.matcher(name).matches()) {
                    name = "json_response";
                }
                ObjectNode toolConfig = body.putObject("toolConfig");
                ObjectNode spec = toolConfig.putArray("tools").addObject().putObject("toolSpec");
                spec.put("name", name);
                spec.put("description", jsonSchema.path("description").asText("Respond with a JSON value matching this schema."));
                JsonNode schema = jsonSchema.get("schema");
                spec.putObject("inputSchema").set("json", schema != null && schema.isObject() ? schema.deepCopy() : NODES.objectNode().put("type", "object"));
                toolConfig.putObject("toolChoice").putObject("tool").put("name", name);
                return Optional.of(name);
            }
            default -> throw GatewayException.invalid("response_format.type",
                    "response_format.type: expected text, json_object or json_schema, got '" + type + "'");
        }
    }

    private static void tools(ObjectNode chat, ObjectNode body) {
        JsonNode tools = chat.get("tools");
        if (tools == null || !tools.isArray() || tools.isEmpty()) {
            return;
        }
        ObjectNode toolConfig = body.putObject("toolConfig");
        ArrayNode specs = toolConfig.putArray("tools");
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            ObjectNode spec = specs.addObject().putObject("toolSpec");
            spec.put("name", function.path("name").asText());
            if (function.path("description").isTextual()) {
                spec.put("description", function.path("description").asText());
            }
            JsonNode parameters = function.get("parameters");
            spec.putObject("inputSchema").set("json", parameters != null && parameters.isObject()
                    ? parameters.deepCopy() : NODES.objectNode().put("type", "object"));
        }
        JsonNode choice = chat.get("tool_choice");
        if (choice != null && choice.isTextual() && choice.asText().equals("required")) {
            toolConfig.putObject("toolChoice").putObject("any");
        } else if (choice != null && choice.isObject()) {
            toolConfig.putObject("toolChoice").putObject("tool").put("name", choice.path("function").path("name").asText());
        } else if (choice != null && choice.isTextual() && choice.asText().equals("auto")) {
            toolConfig.putObject("toolChoice").putObject("auto");
        }
    }
}
