package io.policygateway.plugins.anthropic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Request mapping for OpenAI chat callers: an OpenAI Chat Completions body becomes an Anthropic
 * Messages body.
 *
 * <p>{@code max_completion_tokens}/{@code max_tokens} (else the configured default, since Anthropic
 * requires it), {@code temperature} (capped at Anthropic's maximum of 1), {@code top_p}, {@code stop}
 * → {@code stop_sequences}, {@code user} → {@code metadata.user_id}, function {@code tools},
 * {@code tool_choice} and {@code parallel_tool_calls}. JSON mode has no native equivalent:
 * {@code json_schema} becomes a single tool the model is forced to call, whose input is then returned
 * as the message content; {@code json_object} adds an instruction to the system prompt. {@code n > 1}
 * and audio are refused; penalties, {@code seed}, {@code logit_bias} and {@code logprobs} are dropped.
 */
final class ChatRequestToAnthropic {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    static final String JSON_OBJECT_INSTRUCTION = "Respond only with a single valid JSON object, without any other text.";

    /**
     * A translated request and what the answer's translation needs to know about it.
     *
     * @param body the Anthropic Messages body
     * @param jsonTool the forced tool standing for a {@code json_schema} response format, if any
     * @param includeUsage whether the caller asked for a usage chunk at the end of the stream
     */
    record Translation(ObjectNode body, Optional<String> jsonTool, boolean includeUsage) {
        Translation {
            requireNonNull(body, "body is null");
            requireNonNull(jsonTool, "jsonTool is null");
        }
    }

    private ChatRequestToAnthropic() {
    }

    static Translation translate(ObjectNode chat, String model, boolean stream, int defaultMaxTokens, String provider)
            throws GatewayException {
        if (chat.path("n").asInt(1) > 1) {
            throw Capabilities.unsupported(provider, "n", "more than one choice per request");
        }
        ObjectNode body = NODES.objectNode();
        body.put("model", model);
        StringBuilder system = new StringBuilder();
        ArrayNode messages = ChatMessagesToAnthropic.translate(chat.get("messages"), system, provider);
        JsonNode maxTokens = chat.hasNonNull("max_completion_tokens") ? chat.get("max_completion_tokens") : chat.get("max_tokens");
        body.put("max_tokens", maxTokens != null && maxTokens.canConvertToInt() && maxTokens.asInt() > 0
                ? maxTokens.asInt() : defaultMaxTokens);
        JsonNode temperature = chat.get("temperature");
        if (temperature != null && temperature.isNumber()) {
            body.put("temperature", Math.min(1.0, temperature.asDouble()));
        }
        if (chat.hasNonNull("top_p")) {
            body.set("top_p", chat.get("top_p").deepCopy());
        }
        stopSequences(chat.get("stop"), body);
        if (chat.path("user").isTextual()) {
            body.putObject("metadata").put("user_id", chat.path("user").asText());
        }
        Optional<String> jsonTool = responseFormat(chat, body, system, provider);
        if (jsonTool.isEmpty()) {
            tools(chat, body);
        }
        if (!system.isEmpty()) {
            body.put("system", system.toString());
        }
        body.set("messages", messages);
        if (stream) {
            body.put("stream", true);
        }
        return new Translation(body, jsonTool, chat.path("stream_options").path("include_usage").asBoolean(false));
    }

    private static void stopSequences(JsonNode stop, ObjectNode body) {
        if (stop == null || stop.isNull()) {
            return;
        }
        ArrayNode sequences = body.putArray("stop_sequences");
        if (stop.isTextual()) {
            sequences.add(stop.asText());
        } else {
            stop.forEach(sequence -> sequences.add(sequence.asText()));
        }
        if (sequences.isEmpty()) {
            body.remove("stop_sequences");
        }
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
                    throw Capabilities.unsupported(provider, "response_format",
                            "a json_schema response format together with tools");
                }
                JsonNode jsonSchema = format.path("json_schema");
                String name = jsonSchema.path("name").asText("json_response");
                if (!TOOL_NAME.matcher(name).matches()) {
                    name = "json_response";
                }
                ObjectNode tool = body.putArray("tools").addObject();
                tool.put("name", name);
                tool.put("description", jsonSchema.path("description").asText("Respond with a JSON value matching this schema."));
                JsonNode schema = jsonSchema.get("schema");
                tool.set("input_schema", schema != null && schema.isObject() ? schema.deepCopy() : NODES.objectNode().put("type", "object"));
                body.putObject("tool_choice").put("type", "tool").put("name", name);
                return Optional.of(name);
            }
            default -> throw GatewayException.invalid("response_format.type",
                    "response_format.type: expected text, json_object or json_schema, got '" + type + "'");
        }
    }

    private static void tools(ObjectNode chat, ObjectNode body) throws GatewayException {
        JsonNode tools = chat.get("tools");
        if (tools != null && tools.isArray() && !tools.isEmpty()) {
            ArrayNode anthropicTools = body.putArray("tools");
            for (int i = 0; i < tools.size(); i++) {
                JsonNode function = tools.get(i).path("function");
                String name = function.path("name").asText("");
                if (name.isEmpty()) {
                    throw GatewayException.invalid("tools[" + i + "].function.name", "tools[" + i + "].function.name: is required");
                }
                ObjectNode tool = anthropicTools.addObject().put("name", name);
                if (function.path("description").isTextual()) {
                    tool.put("description", function.path("description").asText());
                }
                JsonNode parameters = function.get("parameters");
                tool.set("input_schema", parameters != null && parameters.isObject()
                        ? parameters.deepCopy() : NODES.objectNode().put("type", "object"));
            }
        }
        JsonNode choice = chat.get("tool_choice");
        ObjectNode anthropicChoice = null;
        if (choice != null && choice.isTextual()) {
            anthropicChoice = switch (choice.asText()) {
                case "required" -> NODES.objectNode().put("type", "any");
                case "none" -> NODES.objectNode().put("type", "none");
                default -> NODES.objectNode().put("type", "auto");
            };
        } else if (choice != null && choice.isObject()) {
            anthropicChoice = NODES.objectNode().put("type", "tool").put("name", choice.path("function").path("name").asText());
        }
        boolean serial = chat.has("parallel_tool_calls") && !chat.path("parallel_tool_calls").asBoolean(true);
        if (serial && body.has("tools")) {
            if (anthropicChoice == null) {
                anthropicChoice = NODES.objectNode().put("type", "auto");
            }
            if (!anthropicChoice.path("type").asText().equals("none")) {
                anthropicChoice.put("disable_parallel_tool_use", true);
            }
        }
        if (anthropicChoice != null && body.has("tools")) {
            body.set("tool_choice", anthropicChoice);
        }
    }
}
