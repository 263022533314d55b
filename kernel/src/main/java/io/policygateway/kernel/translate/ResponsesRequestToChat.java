package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.JsonTrees.copyIfPresent;
import static io.policygateway.kernel.translate.JsonTrees.invalid;
import static io.policygateway.kernel.translate.JsonTrees.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;

/**
 * Translates an OpenAI Responses request (client→gateway leg on {@code /v1/responses}) into a Chat
 * Completions request.
 *
 * <p>Mapped: {@code instructions} → a leading system message; {@code input} as a string or as items
 * (see {@link ResponsesInputToChat}); function {@code tools}; {@code tool_choice};
 * {@code parallel_tool_calls}; {@code text.format} → {@code response_format}; {@code max_output_tokens}
 * → {@code max_tokens}; {@code temperature}, {@code top_p}, {@code user}, {@code reasoning.effort} →
 * {@code reasoning_effort}; {@code stream} (with {@code stream_options.include_usage}, as Responses
 * streams always end with usage). Refused: {@code previous_response_id} and {@code conversation} (the
 * gateway keeps no conversation state) and hosted tools (web search, file search, …). Ignored:
 * {@code store}, {@code include}, {@code truncation}, {@code metadata}, {@code service_tier}. Pure function.
 */
public final class ResponsesRequestToChat {

    private ResponsesRequestToChat() {
    }

    /**
     * @param responsesRequest the caller's body, gateway-only fields removed; not modified
     * @throws GatewayException {@code INVALID_REQUEST} naming the field that cannot be translated
     */
    public static ObjectNode translate(ObjectNode responsesRequest) throws GatewayException {
        return translate(responsesRequest, false);
    }

    /**
     * The chat view of a request bound for a provider that speaks Responses natively, for guardrails to
     * inspect: like {@link #translate} but stored-state references, hosted tools and items the chat
     * format cannot carry are left out instead of refused.
     */
    public static ObjectNode inspectionView(ObjectNode responsesRequest) throws GatewayException {
        return translate(responsesRequest, true);
    }

    private static ObjectNode translate(ObjectNode responsesRequest, boolean lenient) throws GatewayException {
        for (String stateful : new String[] {"previous_response_id", "conversation"}) {
            if (!lenient && responsesRequest.hasNonNull(stateful)) {
                throw invalid(stateful, "is not supported: the gateway does not store responses; send the whole conversation in input");
            }
        }
        ObjectNode chat = object();
        copyIfPresent(responsesRequest, "model", chat, "model");
        ArrayNode messages = chat.putArray("messages");
        JsonNode instructions = responsesRequest.get("instructions");
        if (instructions != null && instructions.isTextual() && !instructions.asText().isEmpty()) {
            messages.addObject().put("role", "system").put("content", instructions.asText());
        }
        ResponsesInputToChat.translate(responsesRequest.get("input"), messages, lenient);

        copyIfPresent(responsesRequest, "max_output_tokens", chat, "max_tokens");
        copyIfPresent(responsesRequest, "temperature", chat, "temperature");
        copyIfPresent(responsesRequest, "top_p", chat, "top_p");
        copyIfPresent(responsesRequest, "user", chat, "user");
        copyIfPresent(responsesRequest, "parallel_tool_calls", chat, "parallel_tool_calls");
        JsonNode effort = responsesRequest.path("reasoning").get("effort");
        if (effort != null && effort.isTextual()) {
            chat.put("reasoning_effort", effort.asText());
        }
        tools(responsesRequest, chat, lenient);
        responseFormat(responsesRequest.path("text").get("format"), chat);
        if (responsesRequest.path("stream").asBoolean(false)) {
            chat.put("stream", true);
            chat.putObject("stream_options").put("include_usage", true);
        }
        return chat;
    }

    private static void tools(ObjectNode request, ObjectNode chat, boolean lenient) throws GatewayException {
        JsonNode tools = request.get("tools");
        if (tools != null && !tools.isNull()) {
            if (!tools.isArray()) {
                throw invalid("tools", "expected an array");
            }
            ArrayNode chatTools = chat.putArray("tools");
            for (int i = 0; i < tools.size(); i++) {
                JsonNode tool = tools.get(i);
                String type = tool.path("type").asText("");
                if (!type.equals("function")) {
                    if (lenient) {
                        continue;
                    }
                    throw invalid("tools[" + i + "].type", "the hosted tool '" + type
                            + "' is not available through the gateway; only function tools are");
                }
                ObjectNode function = chatTools.addObject().put("type", "function").putObject("function");
                function.put("name", tool.path("name").asText());
                copyIfPresent(tool, "description", function, "description");
                copyIfPresent(tool, "parameters", function, "parameters");
                copyIfPresent(tool, "strict", function, "strict");
            }
            if (chatTools.isEmpty()) {
                chat.remove("tools");
            }
        }
        JsonNode choice = request.get("tool_choice");
        if (choice == null || choice.isNull()) {
            return;
        }
        if (choice.isTextual()) {
            chat.put("tool_choice", choice.asText());
        } else if ("function".equals(choice.path("type").asText())) {
            chat.putObject("tool_choice").put("type", "function").putObject("function").put("name", choice.path("name").asText());
        } else if (!lenient) {
            throw invalid("tool_choice", "expected auto, none, required or {type: function, name}");
        }
    }

    private static void responseFormat(JsonNode format, ObjectNode chat) throws GatewayException {
        if (format == null || format.isNull()) {
            return;
        }
        String type = format.path("type").asText("");
        switch (type) {
            case "text" -> {
                // the default; nothing to ask for
            }
            case "json_object" -> chat.putObject("response_format").put("type", "json_object");
            case "json_schema" -> {
                ObjectNode responseFormat = chat.putObject("response_format").put("type", "json_schema");
                ObjectNode schema = responseFormat.putObject("json_schema");
                schema.put("name", format.path("name").asText("response"));
                copyIfPresent(format, "description", schema, "description");
                copyIfPresent(format, "schema", schema, "schema");
                copyIfPresent(format, "strict", schema, "strict");
            }
            default -> throw invalid("text.format.type", "expected text, json_object or json_schema, got '" + type + "'");
        }
    }
}
