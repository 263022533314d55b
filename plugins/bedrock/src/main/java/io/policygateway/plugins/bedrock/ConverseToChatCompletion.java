package io.policygateway.plugins.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Response parsing: a Converse answer ({@code output.message}, {@code stopReason}, {@code usage})
 * becomes a {@code chat.completion}. Text blocks become {@code content}, {@code toolUse} blocks become
 * {@code tool_calls} (input serialised as the arguments string), except a forced JSON-mode tool whose
 * input becomes the content. Reasoning blocks are dropped.
 */
final class ConverseToChatCompletion {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConverseToChatCompletion() {
    }

    static ObjectNode translate(ObjectNode converse, ChatRequestToConverse.Translation translation, String model, String requestId,
            long created) {
        ObjectNode completion = NODES.objectNode();
        completion.put("id", ConverseShapes.completionId(requestId));
        completion.put("object", "chat.completion");
        completion.put("created", created);
        completion.put("model", model);
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = NODES.arrayNode();
        for (JsonNode block : converse.path("output").path("message").path("content")) {
            if (block.has("text")) {
                text.append(block.path("text").asText());
            } else if (block.has("toolUse")) {
                JsonNode toolUse = block.path("toolUse");
                String name = toolUse.path("name").asText();
                if (translation.jsonTool().filter(name::equals).isPresent()) {
                    text.append(toolUse.path("input").toString());
                } else {
                    ObjectNode call = toolCalls.addObject();
                    call.put("id", toolUse.path("toolUseId").asText());
                    call.put("type", "function");
                    call.putObject("function").put("name", name).put("arguments", toolUse.path("input").toString());
                }
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
        choice.put("finish_reason", ConverseShapes.finishReason(converse.path("stopReason").asText(null), translation.jsonTool().isPresent()));
        completion.set("usage", ConverseShapes.usage(converse.path("usage")));
        return completion;
    }
}
