package io.policygateway.kernel.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Translates an OpenAI chat completion into the Responses object a caller of {@code /v1/responses}
 * expects: a {@code message} output item with the text, one {@code function_call} item per tool call,
 * the status ({@code incomplete} with a reason when the answer was cut by the token limit or a content
 * filter) and usage. The request's settings are echoed as OpenAI does. Pure function.
 */
public final class ChatToResponses {

    private ChatToResponses() {
    }

    /**
     * @param chatCompletion the provider's answer
     * @param responsesRequest the caller's original Responses request (its settings are echoed)
     */
    public static ObjectNode translate(ObjectNode chatCompletion, JsonNode responsesRequest) {
        String suffix = ResponsesShapes.suffix(chatCompletion.path("id").asText(""));
        JsonNode choice = chatCompletion.path("choices").path(0);
        JsonNode message = choice.path("message");
        ObjectNode response = ResponsesShapes.envelope("resp_" + suffix, chatCompletion.path("created").asLong(0),
                chatCompletion.path("model").asText(""), responsesRequest, "completed");
        ArrayNode output = (ArrayNode) response.get("output");
        String text = message.path("content").isTextual() ? message.path("content").asText() : "";
        if (!text.isEmpty()) {
            output.add(ResponsesShapes.messageItem("msg_" + suffix, text, "completed"));
        }
        for (JsonNode call : message.path("tool_calls")) {
            String callId = call.path("id").asText();
            output.add(ResponsesShapes.functionCallItem("fc_" + callId, callId, call.path("function").path("name").asText(),
                    call.path("function").path("arguments").asText(""), "completed"));
        }
        ResponsesShapes.finish(response, choice.path("finish_reason").asText(null));
        response.set("usage", ResponsesShapes.usage(chatCompletion.path("usage")));
        return response;
    }
}
