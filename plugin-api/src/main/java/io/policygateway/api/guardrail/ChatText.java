package io.policygateway.api.guardrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads and rewrites the text of canonical (OpenAI chat) requests and responses, so guardrails
 * need not know the message shapes: string content, arrays of {@code {type: text}} parts, tool
 * call arguments and tool results.
 */
public final class ChatText {
    private ChatText() {
    }

    /** One piece of text and where it sits. */
    public record Segment(String role, String path, String text) {
    }

    /** The texts of a request's messages, in order. */
    public static List<Segment> requestTexts(ObjectNode request) {
        List<Segment> out = new ArrayList<>();
        JsonNode messages = request.path("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            collect(message.path("role").asText(""), "messages[" + i + "]", message, out);
        }
        return out;
    }

    /** The texts of a {@code chat.completion}'s choices, in order. */
    public static List<Segment> responseTexts(ObjectNode completion) {
        List<Segment> out = new ArrayList<>();
        JsonNode choices = completion.path("choices");
        for (int i = 0; i < choices.size(); i++) {
            collect("assistant", "choices[" + i + "].message", choices.get(i).path("message"), out);
        }
        return out;
    }

    /** All request text joined with newlines, for detectors that scan a single string. */
    public static String joinedRequestText(ObjectNode request) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : requestTexts(request)) {
            out.append(segment.text()).append('\n');
        }
        return out.toString();
    }

    /** A copy of the request with every message text passed through {@code rewrite}. */
    public static ObjectNode rewriteRequest(ObjectNode request, UnaryOperator<String> rewrite) {
        ObjectNode copy = request.deepCopy();
        JsonNode messages = copy.path("messages");
        for (JsonNode message : messages) {
            rewriteMessage((ObjectNode) message, rewrite);
        }
        return copy;
    }

    /** A copy of the completion with every choice's text passed through {@code rewrite}. */
    public static ObjectNode rewriteResponse(ObjectNode completion, UnaryOperator<String> rewrite) {
        ObjectNode copy = completion.deepCopy();
        for (JsonNode choice : copy.path("choices")) {
            JsonNode message = choice.path("message");
            if (message.isObject()) {
                rewriteMessage((ObjectNode) message, rewrite);
            }
        }
        return copy;
    }

    private static void collect(String role, String path, JsonNode message, List<Segment> out) {
        JsonNode content = message.path("content");
        if (content.isTextual()) {
            out.add(new Segment(role, path + ".content", content.asText()));
        } else if (content.isArray()) {
            for (int p = 0; p < content.size(); p++) {
                JsonNode part = content.get(p);
                if (part.path("text").isTextual()) {
                    out.add(new Segment(role, path + ".content[" + p + "].text", part.path("text").asText()));
                }
            }
        }
        JsonNode toolCalls = message.path("tool_calls");
        for (int t = 0; t < toolCalls.size(); t++) {
            JsonNode arguments = toolCalls.get(t).path("function").path("arguments");
            if (arguments.isTextual()) {
                out.add(new Segment(role, path + ".tool_calls[" + t + "].function.arguments", arguments.asText()));
            }
        }
    }

    private static void rewriteMessage(ObjectNode message, UnaryOperator<String> rewrite) {
        JsonNode content = message.get("content");
        if (content != null && content.isTextual()) {
            message.set("content", TextNode.valueOf(rewrite.apply(content.asText())));
        } else if (content != null && content.isArray()) {
            for (JsonNode part : (ArrayNode) content) {
                if (part.path("text").isTextual()) {
                    ((ObjectNode) part).put("text", rewrite.apply(part.path("text").asText()));
                }
            }
        }
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            if (function.path("arguments").isTextual()) {
                ((ObjectNode) function).put("arguments", rewrite.apply(function.path("arguments").asText()));
            }
        }
    }
}
