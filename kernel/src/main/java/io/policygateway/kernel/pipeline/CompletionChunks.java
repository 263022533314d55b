package io.policygateway.kernel.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A whole {@code chat.completion} as the {@code chat.completion.chunk} events a stream would carry. */
final class CompletionChunks {
    private CompletionChunks() {
    }

    static List<ObjectNode> of(ObjectMapper json, ObjectNode completion) {
        List<ObjectNode> chunks = new ArrayList<>();
        JsonNode choices = completion.path("choices");
        for (int i = 0; i < choices.size(); i++) {
            JsonNode choice = choices.get(i);
            ObjectNode delta = json.createObjectNode().put("role", "assistant");
            JsonNode message = choice.path("message");
            if (message.has("content")) {
                delta.set("content", message.get("content"));
            }
            if (message.has("tool_calls")) {
                delta.set("tool_calls", indexed(message.get("tool_calls")));
            }
            ObjectNode chunk = head(json, completion);
            chunk.putArray("choices").addObject().put("index", i).putNull("finish_reason").set("delta", delta);
            chunks.add(chunk);
            ObjectNode finish = head(json, completion);
            finish.putArray("choices").addObject().put("index", i).put("finish_reason", choice.path("finish_reason").asText("stop"))
                    .putObject("delta");
            chunks.add(finish);
        }
        return chunks;
    }

    private static JsonNode indexed(JsonNode toolCalls) {
        com.fasterxml.jackson.databind.node.ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < toolCalls.size(); i++) {
            ObjectNode call = toolCalls.get(i).deepCopy();
            call.put("index", i);
            out.add(call);
        }
        return out;
    }

    private static ObjectNode head(ObjectMapper json, ObjectNode completion) {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", completion.path("id").asText("chatcmpl-cache"));
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", completion.path("created").asLong(0));
        chunk.put("model", completion.path("model").asText(""));
        return chunk;
    }
}
