package io.policygateway.kernel.toolloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.Usage;
import io.policygateway.kernel.pipeline.OpenAiUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One model turn read from an OpenAI chat stream: the text so far, the tool calls assembled from
 * their deltas (by index), the finish reason and the usage. Also builds the chunks the gateway
 * writes itself, in the same stream's identity (id, model, created).
 */
final class StreamedTurn {
    private final ObjectMapper json;
    private final StringBuilder content = new StringBuilder();
    private final Map<Integer, PartialCall> calls = new TreeMap<>();
    private String id = "chatcmpl-gateway";
    private String model = "";
    private long created;
    private String finishReason;
    private Usage usage = Usage.NONE;

    private static final class PartialCall {
        private String id = "";
        private String name = "";
        private final StringBuilder arguments = new StringBuilder();
    }

    StreamedTurn(ObjectMapper json) {
        this.json = json;
    }

    /** Takes in one {@code chat.completion.chunk}. */
    void add(JsonNode chunk) {
        id = chunk.path("id").asText(id);
        model = chunk.path("model").asText(model);
        created = chunk.path("created").asLong(created);
        if (chunk.path("usage").isObject()) {
            usage = OpenAiUsage.from(chunk);
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        if (delta.path("content").isTextual()) {
            content.append(delta.path("content").asText());
        }
        for (JsonNode callDelta : delta.path("tool_calls")) {
            PartialCall call = calls.computeIfAbsent(callDelta.path("index").asInt(calls.size()), index -> new PartialCall());
            if (callDelta.path("id").isTextual()) {
                call.id = callDelta.path("id").asText();
            }
            JsonNode function = callDelta.path("function");
            if (function.path("name").isTextual()) {
                call.name += function.path("name").asText();
            }
            if (function.path("arguments").isTextual()) {
                call.arguments.append(function.path("arguments").asText());
            }
        }
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.path("finish_reason").asText();
        }
    }

    boolean hasToolCalls() {
        return !calls.isEmpty();
    }

    /** Whether a chunk carries text for the caller (content or a refusal). */
    static boolean carriesText(JsonNode chunk) {
        JsonNode delta = chunk.path("choices").path(0).path("delta");
        return !delta.path("content").asText("").isEmpty() || !delta.path("refusal").asText("").isEmpty();
    }

    Usage usage() {
        return usage;
    }

    String content() {
        return content.toString();
    }

    String finishReason() {
        return finishReason == null ? "stop" : finishReason;
    }

    /** The assembled tool calls, as a message's {@code tool_calls} entries. */
    List<JsonNode> toolCalls() {
        List<JsonNode> result = new ArrayList<>();
        for (PartialCall call : calls.values()) {
            ObjectNode entry = json.createObjectNode().put("id", call.id).put("type", "function");
            entry.putObject("function").put("name", call.name).put("arguments", call.arguments.toString());
            result.add(entry);
        }
        return result;
    }

    /** A chunk in this stream's identity with the given delta and finish reason (null for none). */
    ObjectNode chunk(ObjectNode delta, String finish) {
        ObjectNode chunk = json.createObjectNode().put("id", id).put("object", "chat.completion.chunk").put("created", created)
                .put("model", model);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return chunk;
    }

    /** The chunk that opens the caller's stream: {@code delta: {role: assistant, content: ""}}. */
    ObjectNode roleChunk() {
        return chunk(json.createObjectNode().put("role", "assistant").put("content", ""), null);
    }

    /** A chunk handing the caller its own tool calls, re-indexed from 0. */
    ObjectNode toolCallChunk(List<JsonNode> callerCalls) {
        ObjectNode delta = json.createObjectNode().put("role", "assistant");
        ArrayNode entries = delta.putArray("tool_calls");
        for (int i = 0; i < callerCalls.size(); i++) {
            ObjectNode entry = ((ObjectNode) callerCalls.get(i)).deepCopy();
            entry.put("index", i);
            entries.add(entry);
        }
        return chunk(delta, null);
    }

    /** The final usage chunk: no choices, the usage of every turn. */
    ObjectNode usageChunk(Usage total) {
        ObjectNode chunk = json.createObjectNode().put("id", id).put("object", "chat.completion.chunk").put("created", created)
                .put("model", model);
        chunk.putArray("choices");
        chunk.set("usage", UsageJson.of(json, total));
        return chunk;
    }
}
