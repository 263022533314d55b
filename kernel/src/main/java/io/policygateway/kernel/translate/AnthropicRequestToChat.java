package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.JsonTrees.array;
import static io.policygateway.kernel.translate.JsonTrees.copyIfPresent;
import static io.policygateway.kernel.translate.JsonTrees.invalid;
import static io.policygateway.kernel.translate.JsonTrees.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;

/**
 * Translates an Anthropic Messages request (client→gateway leg on {@code /v1/messages}) into an OpenAI
 * Chat Completions request for a provider that only speaks the canonical format.
 *
 * <p>Mapped: {@code model}, {@code system}, {@code messages} (see {@link AnthropicMessagesToChat}),
 * {@code max_tokens}, {@code temperature}, {@code top_p}, {@code stop_sequences} → {@code stop},
 * {@code metadata.user_id} → {@code user}, custom {@code tools}, {@code tool_choice} (with
 * {@code disable_parallel_tool_use} → {@code parallel_tool_calls: false}) and {@code stream} (which
 * also asks for {@code stream_options.include_usage}, since Anthropic streams always report usage).
 * Dropped because OpenAI chat has no equivalent: {@code top_k}, {@code thinking},
 * {@code cache_control}, {@code service_tier}. Anthropic server tools (web search, code execution,
 * …) cannot be served by another provider and are refused. Pure function; thread-safe.
 */
public final class AnthropicRequestToChat {

    private AnthropicRequestToChat() {
    }

    /**
     * @param anthropicRequest the caller's body, gateway-only fields already removed; not modified
     * @return a new OpenAI chat request
     * @throws GatewayException {@code INVALID_REQUEST} naming the field that cannot be translated
     */
    public static ObjectNode translate(ObjectNode anthropicRequest) throws GatewayException {
        return translate(anthropicRequest, false);
    }

    /**
     * The chat view of a request bound for a provider that speaks Anthropic Messages natively, for
     * guardrails to inspect: like {@link #translate} but server tools and content the chat format
     * cannot carry are left out instead of refused.
     */
    public static ObjectNode inspectionView(ObjectNode anthropicRequest) throws GatewayException {
        return translate(anthropicRequest, true);
    }

    private static ObjectNode translate(ObjectNode anthropicRequest, boolean lenient) throws GatewayException {
        ObjectNode chat = object();
        copyIfPresent(anthropicRequest, "model", chat, "model");
        ArrayNode messages = chat.putArray("messages");
        system(anthropicRequest.get("system"), messages, lenient);
        AnthropicMessagesToChat.translate(anthropicRequest.get("messages"), messages, lenient);

        copyIfPresent(anthropicRequest, "max_tokens", chat, "max_tokens");
        copyIfPresent(anthropicRequest, "temperature", chat, "temperature");
        copyIfPresent(anthropicRequest, "top_p", chat, "top_p");
        JsonNode stop = anthropicRequest.get("stop_sequences");
        if (stop != null && !stop.isNull()) {
            if (!stop.isArray()) {
                throw invalid("stop_sequences", "expected an array of strings");
            }
            if (!stop.isEmpty()) {
                chat.set("stop", stop.deepCopy());
            }
        }
        JsonNode user = anthropicRequest.path("metadata").get("user_id");
        if (user != null && user.isTextual()) {
            chat.put("user", user.asText());
        }
        tools(anthropicRequest, chat, lenient);
        if (anthropicRequest.path("stream").asBoolean(false)) {
            chat.put("stream", true);
            chat.putObject("stream_options").put("include_usage", true);
        }
        return chat;
    }

    private static void system(JsonNode system, ArrayNode messages, boolean lenient) throws GatewayException {
        if (system == null || system.isNull()) {
            return;
        }
        String text;
        if (system.isTextual()) {
            text = system.asText();
        } else if (system.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < system.size(); i++) {
                JsonNode block = system.get(i);
                if (!"text".equals(block.path("type").asText())) {
                    if (lenient) {
                        continue;
                    }
                    throw invalid("system[" + i + "]", "only text blocks are supported in the system prompt");
                }
                if (!joined.isEmpty()) {
                    joined.append('\n');
                }
                joined.append(block.path("text").asText());
            }
            text = joined.toString();
        } else {
            throw invalid("system", "expected a string or an array of text blocks");
        }
        if (!text.isEmpty()) {
            messages.addObject().put("role", "system").put("content", text);
        }
    }

    private static void tools(ObjectNode anthropicRequest, ObjectNode chat, boolean lenient) throws GatewayException {
        JsonNode tools = anthropicRequest.get("tools");
        if (tools != null && !tools.isNull()) {
            if (!tools.isArray()) {
                throw invalid("tools", "expected an array");
            }
            ArrayNode chatTools = array();
            for (int i = 0; i < tools.size(); i++) {
                JsonNode tool = tools.get(i);
                String type = tool.path("type").asText("custom");
                if (!type.equals("custom")) {
                    if (lenient) {
                        continue;
                    }
                    throw invalid("tools[" + i + "]", "the Anthropic server tool '" + type
                            + "' cannot be served by an OpenAI-format provider");
                }
                String name = tool.path("name").asText("");
                if (name.isEmpty()) {
                    throw invalid("tools[" + i + "].name", "is required");
                }
                ObjectNode function = chatTools.addObject().put("type", "function").putObject("function");
                function.put("name", name);
                copyIfPresent(tool, "description", function, "description");
                JsonNode schema = tool.get("input_schema");
                function.set("parameters", schema == null || schema.isNull() ? object().put("type", "object") : schema.deepCopy());
            }
            if (!chatTools.isEmpty()) {
                chat.set("tools", chatTools);
            }
        }
        JsonNode choice = anthropicRequest.get("tool_choice");
        if (choice == null || choice.isNull()) {
            return;
        }
        String type = choice.path("type").asText("");
        switch (type) {
            case "auto" -> chat.put("tool_choice", "auto");
            case "any" -> chat.put("tool_choice", "required");
            case "none" -> chat.put("tool_choice", "none");
            case "tool" -> {
                String name = choice.path("name").asText("");
                if (name.isEmpty()) {
                    throw invalid("tool_choice.name", "is required when tool_choice.type is 'tool'");
                }
                chat.putObject("tool_choice").put("type", "function").putObject("function").put("name", name);
            }
            default -> throw invalid("tool_choice.type", "expected auto, any, tool or none, got '" + type + "'");
        }
        if (choice.path("disable_parallel_tool_use").asBoolean(false) && chat.has("tools")) {
            chat.put("parallel_tool_calls", false);
        }
    }
}
