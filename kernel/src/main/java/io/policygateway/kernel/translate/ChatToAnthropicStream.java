package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.JsonTrees.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.http.SseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stream of OpenAI {@code chat.completion.chunk} objects into Anthropic stream events:
 * {@code message_start}, then per content block {@code content_block_start}, deltas
 * ({@code text_delta}, or {@code input_json_delta} for streamed tool arguments) and
 * {@code content_block_stop}, then {@code message_delta} (stop reason and usage) and {@code message_stop}.
 *
 * <p>Because OpenAI reports usage in a last chunk after the finish reason, {@code message_delta} is
 * written by {@link #finish()}. Stateful and not thread-safe: one instance per stream, fed in order.
 */
public final class ChatToAnthropicStream {
    private enum Block { NONE, TEXT, TOOL }

    private final Map<Integer, Integer> blockByToolIndex = new HashMap<>();
    private boolean started;
    private boolean finished;
    private Block openBlock = Block.NONE;
    private int openBlockIndex = -1;
    private int nextBlockIndex;
    private String stopReason;
    private JsonNode usage = object();

    /** Translates one chunk; returns the events to write, possibly none. */
    public List<SseEvent> onChunk(ObjectNode chunk) {
        List<SseEvent> events = new ArrayList<>();
        start(chunk, events);
        JsonNode chunkUsage = chunk.get("usage");
        if (chunkUsage != null && chunkUsage.isObject()) {
            usage = chunkUsage;
        }
        JsonNode choice = chunk.path("choices").path(0);
        if (choice.isMissingNode()) {
            return events;
        }
        JsonNode delta = choice.path("delta");
        text(delta.path("content").asText(""), events);
        text(delta.path("refusal").asText(""), events);
        for (JsonNode call : delta.path("tool_calls")) {
            toolCall(call, events);
        }
        String finishReason = choice.path("finish_reason").asText(null);
        if (finishReason != null) {
            closeBlock(events);
            stopReason = ChatToAnthropicMessage.stopReason(finishReason);
        }
        return events;
    }

    /**
     * Ends the stream once the provider's stream ended cleanly: closes any open block and writes
     * {@code message_delta} and {@code message_stop}. Further calls return nothing.
     */
    public List<SseEvent> finish() {
        List<SseEvent> events = new ArrayList<>();
        if (finished) {
            return events;
        }
        finished = true;
        start(object(), events);
        closeBlock(events);
        ObjectNode messageDelta = object().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason == null ? "end_turn" : stopReason).putNull("stop_sequence");
        messageDelta.set("usage", ChatToAnthropicMessage.usage(usage));
        events.add(event(messageDelta));
        events.add(event(object().put("type", "message_stop")));
        return events;
    }

    private void start(JsonNode chunk, List<SseEvent> events) {
        if (started) {
            return;
        }
        started = true;
        ObjectNode message = object();
        message.put("id", ChatToAnthropicMessage.messageId(chunk.path("id").asText("")));
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", chunk.path("model").asText(""));
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        ObjectNode startUsage = message.putObject("usage");
        startUsage.put("input_tokens", 0);
        startUsage.put("output_tokens", 0);
        startUsage.put("cache_creation_input_tokens", 0);
        startUsage.put("cache_read_input_tokens", 0);
        ObjectNode messageStart = object().put("type", "message_start");
        messageStart.set("message", message);
        events.add(event(messageStart));
    }

    private void text(String text, List<SseEvent> events) {
        if (text.isEmpty()) {
            return;
        }
        if (openBlock != Block.TEXT) {
            closeBlock(events);
            openBlock(Block.TEXT, object().put("type", "text").put("text", ""), events);
        }
        ObjectNode delta = object().put("type", "content_block_delta").put("index", openBlockIndex);
        delta.putObject("delta").put("type", "text_delta").put("text", text);
        events.add(event(delta));
    }

    private void toolCall(JsonNode call, List<SseEvent> events) {
        int toolIndex = call.path("index").asInt(blockByToolIndex.size());
        Integer blockIndex = blockByToolIndex.get(toolIndex);
        if (blockIndex == null) {
            closeBlock(events);
            ObjectNode block = object().put("type", "tool_use");
            block.put("id", call.path("id").asText("toolu_" + toolIndex));
            block.put("name", call.path("function").path("name").asText(""));
            block.putObject("input");
            openBlock(Block.TOOL, block, events);
            blockIndex = openBlockIndex;
            blockByToolIndex.put(toolIndex, blockIndex);
        }
        String arguments = call.path("function").path("arguments").asText("");
        if (!arguments.isEmpty()) {
            ObjectNode delta = object().put("type", "content_block_delta").put("index", blockIndex);
            delta.putObject("delta").put("type", "input_json_delta").put("partial_json", arguments);
            events.add(event(delta));
        }
    }

    private void openBlock(Block kind, ObjectNode contentBlock, List<SseEvent> events) {
        openBlock = kind;
        openBlockIndex = nextBlockIndex++;
        ObjectNode blockStart = object().put("type", "content_block_start").put("index", openBlockIndex);
        blockStart.set("content_block", contentBlock);
        events.add(event(blockStart));
    }

    private void closeBlock(List<SseEvent> events) {
        if (openBlock == Block.NONE) {
            return;
        }
        events.add(event(object().put("type", "content_block_stop").put("index", openBlockIndex)));
        openBlock = Block.NONE;
    }

    private static SseEvent event(ObjectNode data) {
        return SseEvent.of(data.path("type").asText(), JsonTrees.write(data));
    }
}
