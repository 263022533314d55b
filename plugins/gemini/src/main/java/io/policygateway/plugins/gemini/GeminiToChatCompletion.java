package io.policygateway.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/**
 * Response parsing: a Gemini {@code GenerateContentResponse} becomes a {@code chat.completion}, one choice
 * per candidate: text parts (thought summaries excluded) become {@code content}, {@code functionCall}
 * parts become {@code tool_calls}, {@code finishReason} becomes {@code finish_reason} and
 * {@code usageMetadata} the usage. A prompt blocked by Gemini's safety filters becomes a single empty
 * choice with {@code finish_reason: content_filter}.
 */
final class GeminiToChatCompletion {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeminiToChatCompletion() {
    }

    static ObjectNode translate(ObjectNode response, String model, Clock clock) {
        ObjectNode completion = NODES.objectNode();
        completion.put("id", GeminiShapes.completionId(response));
        completion.put("object", "chat.completion");
        completion.put("created", clock.instant().getEpochSecond());
        completion.put("model", response.path("modelVersion").asText(model));
        ArrayNode choices = completion.putArray("choices");
        JsonNode candidates = response.path("candidates");
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode candidate = candidates.get(i);
            choices.add(choice(candidate, candidate.path("index").asInt(i)));
        }
        if (choices.isEmpty()) {
            ObjectNode blocked = choices.addObject().put("index", 0);
            blocked.putObject("message").put("role", "assistant").putNull("content");
            blocked.putNull("logprobs");
            blocked.put("finish_reason", "content_filter");
        }
        completion.set("usage", GeminiShapes.usage(response.path("usageMetadata")));
        return completion;
    }

    private static ObjectNode choice(JsonNode candidate, int index) {
        ObjectNode choice = NODES.objectNode().put("index", index);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = NODES.arrayNode();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("functionCall")) {
                toolCalls.add(GeminiShapes.toolCall(part));
            } else if (part.has("text") && !part.path("thought").asBoolean(false)) {
                text.append(part.path("text").asText());
            }
        }
        if (text.isEmpty() && !toolCalls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text.toString());
        }
        message.putNull("refusal");
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
        choice.putNull("logprobs");
        String finish = GeminiShapes.finishReason(candidate.path("finishReason").asText(null), !toolCalls.isEmpty());
        choice.put("finish_reason", finish == null ? "stop" : finish);
        return choice;
    }
}
