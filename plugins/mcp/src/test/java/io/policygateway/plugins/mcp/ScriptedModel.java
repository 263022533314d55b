package io.policygateway.plugins.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.kernel.testing.FakeUpstream.Recorded;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An in-test model speaking OpenAI's Chat Completions wire format, streams included. The user
 * message picks the script: it answers with tool calls first and, once the request carries tool
 * results, with a final answer quoting them. Every turn reports 10 prompt and 5 completion tokens.
 *
 * <ul>
 *   <li>{@code one call}: calls {@code everything__echo}</li>
 *   <li>{@code parallel}: calls {@code everything__get-sum} and {@code docs__lookup} in one turn</li>
 *   <li>{@code failing}: calls {@code docs__fail}</li>
 *   <li>{@code forever}: calls {@code docs__lookup} on every turn, never answering</li>
 *   <li>{@code your tool}: calls the caller's own {@code get_weather}</li>
 * </ul>
 */
final class ScriptedModel {
    static final String MODEL = "gpt-4o-mini";
    static final int PROMPT_TOKENS = 10;
    static final int COMPLETION_TOKENS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptedModel() {
    }

    static Reply answer(Recorded request) {
        JsonNode body = read(request.body());
        JsonNode messages = body.path("messages");
        String script = messages.path(0).path("content").asText();
        boolean stream = body.path("stream").asBoolean(false);
        boolean sawResults = messages.get(messages.size() - 1).path("role").asText().equals("tool");
        List<ObjectNode> calls = sawResults && !script.contains("forever") ? List.of() : calls(script);
        if (calls.isEmpty()) {
            String answer = "Final answer from: " + toolResults(messages);
            return stream ? Reply.sse(textFrames(answer), 0) : Reply.status(200, write(completion(answer)));
        }
        return stream ? Reply.sse(toolCallFrames(calls), 0) : Reply.status(200, write(toolCallCompletion(calls)));
    }

    /** The tool messages of a request, joined with " | ". */
    static String toolResults(JsonNode messages) {
        List<String> results = new ArrayList<>();
        messages.forEach(message -> {
            if (message.path("role").asText().equals("tool")) {
                results.add(message.path("content").asText());
            }
        });
        return String.join(" | ", results);
    }

    private static List<ObjectNode> calls(String script) {
        if (script.contains("parallel")) {
            return List.of(call("call_sum", "everything__get-sum", "{\"a\":2,\"b\":3}"),
                    call("call_lookup", "docs__lookup", "{\"query\":\"refunds\"}"));
        }
        if (script.contains("failing")) {
            return List.of(call("call_fail", "docs__fail", "{}"));
        }
        if (script.contains("forever")) {
            return List.of(call("call_again", "docs__lookup", "{\"query\":\"again\"}"));
        }
        if (script.contains("policy lookup")) {
            return List.of(call("call_lookup", "docs__lookup", "{\"query\":\"refunds\"}"));
        }
        if (script.contains("your tool")) {
            return List.of(call("call_weather", "get_weather", "{\"city\":\"Paris\"}"));
        }
        return List.of(call("call_echo", "everything__echo", "{\"message\":\"hello from the model\"}"));
    }

    private static ObjectNode call(String id, String name, String arguments) {
        ObjectNode call = JSON.createObjectNode().put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments);
        return call;
    }

    private static ObjectNode completion(String content) {
        ObjectNode body = head("chat.completion");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        body.set("usage", usage());
        return body;
    }

    private static ObjectNode toolCallCompletion(List<ObjectNode> calls) {
        ObjectNode body = head("chat.completion");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls");
        ObjectNode message = choice.putObject("message").put("role", "assistant").putNull("content").putNull("refusal");
        ArrayNode toolCalls = message.putArray("tool_calls");
        calls.forEach(toolCalls::add);
        body.set("usage", usage());
        return body;
    }

    /** Text streamed word by word, as OpenAI does: role chunk, content chunks, finish chunk, usage chunk, [DONE]. */
    private static List<String> textFrames(String answer) {
        List<String> frames = new ArrayList<>();
        frames.add(frame(chunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null)));
        for (String word : answer.split("(?<= )")) {
            frames.add(frame(chunk(JSON.createObjectNode().put("content", word), null)));
        }
        frames.add(frame(chunk(JSON.createObjectNode(), "stop")));
        frames.add(frame(usageChunk()));
        frames.add("data: [DONE]\n\n");
        return frames;
    }

    /** Tool calls streamed as OpenAI does: name and id first, then the arguments in two pieces. */
    private static List<String> toolCallFrames(List<ObjectNode> calls) {
        List<String> frames = new ArrayList<>();
        frames.add(frame(chunk(JSON.createObjectNode().put("role", "assistant").putNull("content"), null)));
        for (int index = 0; index < calls.size(); index++) {
            ObjectNode call = calls.get(index);
            String arguments = call.path("function").path("arguments").asText();
            ObjectNode first = JSON.createObjectNode().put("index", index).put("id", call.path("id").asText()).put("type", "function");
            first.putObject("function").put("name", call.path("function").path("name").asText()).put("arguments", "");
            frames.add(frame(chunk(toolDelta(first), null)));
            int half = arguments.length() / 2;
            for (String piece : List.of(arguments.substring(0, half), arguments.substring(half))) {
                ObjectNode next = JSON.createObjectNode().put("index", index);
                next.putObject("function").put("arguments", piece);
                frames.add(frame(chunk(toolDelta(next), null)));
            }
        }
        frames.add(frame(chunk(JSON.createObjectNode(), "tool_calls")));
        frames.add(frame(usageChunk()));
        frames.add("data: [DONE]\n\n");
        return frames;
    }

    private static ObjectNode toolDelta(ObjectNode call) {
        ObjectNode delta = JSON.createObjectNode();
        delta.putArray("tool_calls").add(call);
        return delta;
    }

    private static ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = head("chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        chunk.putNull("usage");
        return chunk;
    }

    private static ObjectNode usageChunk() {
        ObjectNode chunk = head("chat.completion.chunk");
        chunk.putArray("choices");
        chunk.set("usage", usage());
        return chunk;
    }

    private static ObjectNode head(String object) {
        return JSON.createObjectNode().put("id", "chatcmpl-scripted").put("object", object).put("created", 1_700_000_000L)
                .put("model", MODEL);
    }

    private static ObjectNode usage() {
        return (ObjectNode) JSON.valueToTree(Map.of("prompt_tokens", PROMPT_TOKENS, "completion_tokens", COMPLETION_TOKENS,
                "total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS));
    }

    private static String frame(ObjectNode chunk) {
        return "data: " + write(chunk) + "\n\n";
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
