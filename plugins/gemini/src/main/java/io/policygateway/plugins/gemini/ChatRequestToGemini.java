package io.policygateway.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;

/**
 * Request mapping: an OpenAI chat body becomes a Gemini {@code GenerateContentRequest}. System messages
 * become {@code systemInstruction}; {@code messages} become {@code contents} (see
 * {@link ChatMessagesToGemini}); function {@code tools} become {@code functionDeclarations} and
 * {@code tool_choice} a {@code functionCallingConfig}; {@code temperature}, {@code top_p},
 * {@code max_completion_tokens}/{@code max_tokens}, {@code stop}, {@code n}, {@code seed} and the
 * penalties go to {@code generationConfig}; JSON mode sets {@code responseMimeType} (and
 * {@code responseSchema} for {@code json_schema}). Schemas are reduced to what Gemini accepts.
 */
final class ChatRequestToGemini {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChatRequestToGemini() {
    }

    static ObjectNode translate(ObjectNode chat, String provider) throws GatewayException {
        ObjectNode request = NODES.objectNode();
        StringBuilder system = new StringBuilder();
        request.set("contents", ChatMessagesToGemini.translate(chat.get("messages"), system, provider));
        if (!system.isEmpty()) {
            request.putObject("systemInstruction").putArray("parts").addObject().put("text", system.toString());
        }
        tools(chat, request);
        ObjectNode config = generationConfig(chat);
        if (!config.isEmpty()) {
            request.set("generationConfig", config);
        }
        return request;
    }

    private static ObjectNode generationConfig(ObjectNode chat) throws GatewayException {
        ObjectNode config = NODES.objectNode();
        copyNumber(chat, "temperature", config, "temperature");
        copyNumber(chat, "top_p", config, "topP");
        JsonNode maxTokens = chat.hasNonNull("max_completion_tokens") ? chat.get("max_completion_tokens") : chat.get("max_tokens");
        if (maxTokens != null && maxTokens.canConvertToInt()) {
            config.put("maxOutputTokens", maxTokens.asInt());
        }
        JsonNode stop = chat.get("stop");
        if (stop != null && !stop.isNull()) {
            ArrayNode sequences = config.putArray("stopSequences");
            if (stop.isTextual()) {
                sequences.add(stop.asText());
            } else {
                stop.forEach(sequence -> sequences.add(sequence.asText()));
            }
        }
        if (chat.path("n").asInt(1) > 1) {
            config.put("candidateCount", chat.path("n").asInt());
        }
        copyNumber(chat, "seed", config, "seed");
        copyNumber(chat, "presence_penalty", config, "presencePenalty");
        copyNumber(chat, "frequency_penalty", config, "frequencyPenalty");
        JsonNode format = chat.get("response_format");
        String type = format == null ? "text" : format.path("type").asText("text");
        switch (type) {
            case "text" -> {
                // Gemini's default
            }
            case "json_object" -> config.put("responseMimeType", "application/json");
            case "json_schema" -> {
                config.put("responseMimeType", "application/json");
                JsonNode schema = format.path("json_schema").get("schema");
                if (schema != null && schema.isObject()) {
                    config.set("responseSchema", GeminiSchema.reduce(schema));
                }
            }
            default -> throw GatewayException.invalid("response_format.type",
                    "response_format.type: expected text, json_object or json_schema, got '" + type + "'");
        }
        return config;
    }

    private static void tools(ObjectNode chat, ObjectNode request) {
        JsonNode tools = chat.get("tools");
        if (tools == null || !tools.isArray() || tools.isEmpty()) {
            return;
        }
        ArrayNode declarations = request.putArray("tools").addObject().putArray("functionDeclarations");
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            ObjectNode declaration = declarations.addObject().put("name", function.path("name").asText());
            if (function.path("description").isTextual()) {
                declaration.put("description", function.path("description").asText());
            }
            JsonNode parameters = function.get("parameters");
            if (parameters != null && parameters.isObject() && parameters.path("properties").size() > 0) {
                declaration.set("parameters", GeminiSchema.reduce(parameters));
            }
        }
        JsonNode choice = chat.get("tool_choice");
        if (choice == null || choice.isNull()) {
            return;
        }
        ObjectNode calling = request.putObject("toolConfig").putObject("functionCallingConfig");
        if (choice.isTextual()) {
            calling.put("mode", switch (choice.asText()) {
                case "required" -> "ANY";
                case "none" -> "NONE";
                default -> "AUTO";
            });
        } else {
            calling.put("mode", "ANY");
            calling.putArray("allowedFunctionNames").add(choice.path("function").path("name").asText());
        }
    }

    private static void copyNumber(JsonNode from, String fromField, ObjectNode to, String toField) {
        JsonNode value = from.get(fromField);
        if (value != null && value.isNumber()) {
            to.set(toField, value.deepCopy());
        }
    }
}
