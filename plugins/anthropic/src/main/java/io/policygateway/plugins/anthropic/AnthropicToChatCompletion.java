package io.policygateway.plugins.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/**
 * Response parsing for OpenAI chat callers: an Anthropic {@code message} becomes a {@code chat.completion}
 * with the text, {@code tool_calls} (input serialised as the arguments string), the finish reason and
 * usage. A forced JSON-mode tool call becomes the message content. Thinking blocks are dropped.
 */
final class AnthropicToChatCompletion {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnthropicToChatCompletion() {
    }

    static ObjectNode translate(ObjectNode message, ChatRequestToAnthropic.Translation translation, Clock clock) {
        ObjectNode completion = NODES.objectNode();
        completion.put("id", ChatShapes.completionId(message.path("id").asText("")));
        completion.put("object", "chat.completion");
        completion.put("created", clock.instant().getEpochSecond());
        completion.put("model", message.path("model").asText(translation.body().path("model").asText()));
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode chatMessage = choice.putObject("message");
        chatMessage.put("role", "assistant");
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = NODES.arrayNode();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText("")) {
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" -> {
                    String name = block.path("name").asText();
                    if (translation.jsonTool().filter(name::equals).isPresent()) {
                        text.append(block.path("input").toString());
                    } else {
                        ObjectNode call = toolCalls.addObject();
                        call.put("id", block.path("id").asText());
                        call.put("type", "function");
                        call.putObject("function").put("name", name).put("arguments", block.path("input").toString());
                    }
                }
                default -> {
                    // thinking, redacted_thinking and server tool blocks have no OpenAI chat equivalent
                }
            }
        }
        if (text.isEmpty() && !toolCalls.isEmpty()) {
            chatMessage.putNull("content");
        } else {
            chatMessage.put("content", text.toString());
        }
        chatMessage.putNull("refusal");
        if (!toolCalls.isEmpty()) {
            chatMessage.set("tool_calls", toolCalls);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", ChatShapes.finishReason(message.path("stop_reason").asText(null), translation.jsonTool().isPresent()));
        completion.set("usage", ChatShapes.usage(message.path("usage")));
        return completion;
    }
}
