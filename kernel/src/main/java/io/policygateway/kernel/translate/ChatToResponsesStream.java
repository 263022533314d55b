package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.JsonTrees.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.http.SseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stream of OpenAI {@code chat.completion.chunk} objects into Responses stream events:
 * {@code response.created} and {@code response.in_progress}; for text {@code response.output_item.added},
 * {@code response.content_part.added}, {@code response.output_text.delta}…, {@code response.output_text.done},
 * {@code response.content_part.done}, {@code response.output_item.done}; for each tool call
 * {@code response.output_item.added}, {@code response.function_call_arguments.delta}…,
 * {@code response.function_call_arguments.done}, {@code response.output_item.done}; and finally
 * {@code response.completed} (or {@code response.incomplete}) carrying the whole response with usage.
 * Every event has a {@code sequence_number}. Stateful and not thread-safe: one instance per stream.
 */
public final class ChatToResponsesStream {
    private final JsonNode request;
    private final Map<Integer, OpenItem> itemsByToolIndex = new HashMap<>();
    private final List<ObjectNode> doneItems = new ArrayList<>();
    private ObjectNode response;
    private String suffix = "";
    private OpenItem open;
    private int nextOutputIndex;
    private int sequence;
    private String finishReason;
    private JsonNode usage = object();
    private boolean finished;

    /** An output item being streamed: its index, id and the text or arguments so far. */
    private static final class OpenItem {
        final int outputIndex;
        final String id;
        final String callId;
        final String name;
        final StringBuilder content = new StringBuilder();

        OpenItem(int outputIndex, String id, String callId, String name) {
            this.outputIndex = outputIndex;
            this.id = id;
            this.callId = callId;
            this.name = name;
        }

        boolean isFunctionCall() {
            return callId != null;
        }
    }

    /** @param responsesRequest the caller's Responses request, whose settings the response echoes */
    public ChatToResponsesStream(JsonNode responsesRequest) {
        this.request = java.util.Objects.requireNonNull(responsesRequest, "responsesRequest is null");
    }

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
        String text = delta.path("content").asText("");
        if (!text.isEmpty()) {
            text(text, events);
        }
        for (JsonNode call : delta.path("tool_calls")) {
            toolCall(call, events);
        }
        String reason = choice.path("finish_reason").asText(null);
        if (reason != null) {
            finishReason = reason;
            close(events);
        }
        return events;
    }

    /** Ends the stream once the provider's stream ended cleanly; further calls return nothing. */
    public List<SseEvent> finish() {
        List<SseEvent> events = new ArrayList<>();
        if (finished) {
            return events;
        }
        finished = true;
        start(object(), events);
        close(events);
        ObjectNode done = response.deepCopy();
        ArrayNode output = done.putArray("output");
        doneItems.forEach(output::add);
        ResponsesShapes.finish(done, finishReason);
        done.set("usage", ResponsesShapes.usage(usage));
        String type = done.path("status").asText().equals("incomplete") ? "response.incomplete" : "response.completed";
        ObjectNode completed = event(type);
        completed.set("response", done);
        events.add(sse(completed));
        return events;
    }

    /**
     * The Responses {@code error} event for a failure after the stream started (code, message and the
     * next sequence number); nothing may follow it.
     */
    public SseEvent error(String code, String message) {
        finished = true;
        ObjectNode event = event("error").put("code", code).put("message", message);
        event.putNull("param");
        return sse(event);
    }

    private void start(JsonNode chunk, List<SseEvent> events) {
        if (response != null) {
            return;
        }
        suffix = ResponsesShapes.suffix(chunk.path("id").asText(""));
        response = ResponsesShapes.envelope("resp_" + suffix, chunk.path("created").asLong(0),
                chunk.path("model").asText(""), request, "in_progress");
        for (String type : new String[] {"response.created", "response.in_progress"}) {
            ObjectNode event = event(type);
            event.set("response", response.deepCopy());
            events.add(sse(event));
        }
    }

    private void text(String text, List<SseEvent> events) {
        if (open == null || open.isFunctionCall()) {
            close(events);
            int outputIndex = nextOutputIndex++;
            open = new OpenItem(outputIndex, "msg_" + suffix + (outputIndex == 0 ? "" : "_" + outputIndex), null, null);
            ObjectNode added = event("response.output_item.added").put("output_index", open.outputIndex);
            ObjectNode item = ResponsesShapes.messageItem(open.id, "", "in_progress");
            item.putArray("content");
            added.set("item", item);
            events.add(sse(added));
            ObjectNode partAdded = itemEvent("response.content_part.added").put("content_index", 0);
            partAdded.set("part", ResponsesShapes.outputText(object(), ""));
            events.add(sse(partAdded));
        }
        open.content.append(text);
        ObjectNode delta = itemEvent("response.output_text.delta").put("content_index", 0).put("delta", text);
        delta.putArray("logprobs");
        events.add(sse(delta));
    }

    private void toolCall(JsonNode call, List<SseEvent> events) {
        int toolIndex = call.path("index").asInt(itemsByToolIndex.size());
        OpenItem item = itemsByToolIndex.get(toolIndex);
        if (item == null) {
            close(events);
            String callId = call.path("id").asText("call_" + toolIndex);
            item = new OpenItem(nextOutputIndex++, "fc_" + callId, callId, call.path("function").path("name").asText(""));
            itemsByToolIndex.put(toolIndex, item);
            open = item;
            ObjectNode added = event("response.output_item.added").put("output_index", item.outputIndex);
            added.set("item", ResponsesShapes.functionCallItem(item.id, item.callId, item.name, "", "in_progress"));
            events.add(sse(added));
        }
        String arguments = call.path("function").path("arguments").asText("");
        if (!arguments.isEmpty()) {
            item.content.append(arguments);
            events.add(sse(event("response.function_call_arguments.delta").put("item_id", item.id)
                    .put("output_index", item.outputIndex).put("delta", arguments)));
        }
    }

    private void close(List<SseEvent> events) {
        if (open == null) {
            return;
        }
        ObjectNode item;
        if (open.isFunctionCall()) {
            events.add(sse(itemEvent("response.function_call_arguments.done").put("name", open.name)
                    .put("arguments", open.content.toString())));
            item = ResponsesShapes.functionCallItem(open.id, open.callId, open.name, open.content.toString(), "completed");
        } else {
            String text = open.content.toString();
            ObjectNode textDone = itemEvent("response.output_text.done").put("content_index", 0).put("text", text);
            textDone.putArray("logprobs");
            events.add(sse(textDone));
            ObjectNode partDone = itemEvent("response.content_part.done").put("content_index", 0);
            partDone.set("part", ResponsesShapes.outputText(object(), text));
            events.add(sse(partDone));
            item = ResponsesShapes.messageItem(open.id, text, "completed");
        }
        ObjectNode itemDone = event("response.output_item.done").put("output_index", open.outputIndex);
        itemDone.set("item", item);
        events.add(sse(itemDone));
        doneItems.add(item);
        open = null;
    }

    private ObjectNode itemEvent(String type) {
        return event(type).put("item_id", open.id).put("output_index", open.outputIndex);
    }

    private ObjectNode event(String type) {
        return object().put("type", type).put("sequence_number", sequence++);
    }

    private static SseEvent sse(ObjectNode event) {
        return SseEvent.of(event.path("type").asText(), JsonTrees.write(event));
    }
}
