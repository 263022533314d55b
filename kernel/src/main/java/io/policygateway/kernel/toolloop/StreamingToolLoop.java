package io.policygateway.kernel.toolloop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.Usage;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.EventStream;
import io.policygateway.api.provider.ProviderResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of the tool loop for a caller that asked for a stream. Every turn is requested as a
 * stream; text is relayed to the caller as soon as it arrives (so the final turn streams), while
 * tool-call turns are read whole, run, and answered with another turn. Finish and usage chunks
 * of the model are held back: the caller gets one finish chunk and, if it asked, one usage chunk
 * with the sum of all turns. Confined to the request's thread.
 */
final class StreamingToolLoop {
    private final ToolLoopStage stage;
    private final ToolPlan plan;
    private final ModelTurns turns;
    private final ClientStream client;
    private final boolean callerWantsUsage;
    private final ObjectMapper json;
    private final List<ToolCallRecord> records = new ArrayList<>();
    private Usage usage = Usage.NONE;
    private int turn;

    StreamingToolLoop(ToolLoopStage stage, ToolPlan plan, ModelTurns turns, ClientStream client, boolean callerWantsUsage,
            ObjectMapper json) {
        this.stage = stage;
        this.plan = plan;
        this.turns = turns;
        this.client = client;
        this.callerWantsUsage = callerWantsUsage;
        this.json = json;
    }

    /** @return the usage of all turns, for metering */
    Usage run() throws GatewayException, IOException {
        ObjectNode body = plan.body().deepCopy();
        body.put("stream", true);
        body.withObject("stream_options").put("include_usage", true);
        while (true) {
            turn++;
            StreamedTurn streamed = new StreamedTurn(json);
            try {
                readTurn(turns.call(body, true), streamed);
            } catch (GatewayException e) {
                if (!client.opened()) {
                    throw e;
                }
                client.fail(e);
                return usage;
            }
            usage = usage.plus(streamed.usage());
            ToolLoopStage.Split split = stage.split(plan, json.valueToTree(streamed.toolCalls()));
            if (split.gateway().isEmpty() || !split.caller().isEmpty()) {
                finish(streamed, split.caller(), false);
                return usage;
            }
            if (turn >= plan.maxTurns()) {
                if (!plan.lastAnswerOnLimit()) {
                    GatewayException limit = stage.limitError(plan);
                    if (!client.opened()) {
                        throw limit;
                    }
                    client.fail(limit);
                    return usage;
                }
                finish(streamed, List.of(), true);
                return usage;
            }
            ArrayNode messages = body.withArray("messages");
            messages.add(stage.assistantMessage(json.getNodeFactory().textNode(streamed.content()), split.gateway()));
            for (ToolExecutor.Executed executed : stage.execute(plan, split.gateway())) {
                messages.add(executed.message());
                records.add(executed.record());
            }
        }
    }

    private void readTurn(ProviderResponse response, StreamedTurn streamed) throws GatewayException, IOException {
        if (response instanceof ProviderResponse.Complete complete) {
            readWhole(complete.body(), streamed);
            return;
        }
        try (EventStream events = ((ProviderResponse.Streaming) response).events()) {
            client.onClientGone(events::close);
            for (Optional<SseEvent> next = events.next(); next.isPresent(); next = events.next()) {
                String data = next.get().data();
                if (data.equals("[DONE]")) {
                    continue;
                }
                JsonNode chunk = parse(data);
                if (chunk == null) {
                    continue;
                }
                streamed.add(chunk);
                if (!streamed.hasToolCalls() && StreamedTurn.carriesText(chunk)) {
                    relay((ObjectNode) chunk, streamed);
                }
            }
        }
    }

    /** A whole answer where a stream was asked for: taken in as if it had been streamed in one chunk. */
    private void readWhole(ObjectNode body, StreamedTurn streamed) throws IOException {
        JsonNode message = body.path("choices").path(0).path("message");
        ObjectNode delta = json.createObjectNode();
        if (message.path("content").isTextual()) {
            delta.put("content", message.path("content").asText());
        }
        ArrayNode calls = delta.putArray("tool_calls");
        for (int i = 0; i < message.path("tool_calls").size(); i++) {
            ObjectNode call = ((ObjectNode) message.path("tool_calls").get(i)).deepCopy();
            calls.add(call.put("index", i));
        }
        ObjectNode chunk = json.createObjectNode().put("id", body.path("id").asText("chatcmpl-gateway"))
                .put("model", body.path("model").asText("")).put("created", body.path("created").asLong(0));
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.set("delta", delta);
        choice.put("finish_reason", body.path("choices").path(0).path("finish_reason").asText("stop"));
        if (body.has("usage")) {
            chunk.set("usage", body.get("usage"));
        }
        streamed.add(chunk);
        if (!streamed.hasToolCalls() && StreamedTurn.carriesText(chunk)) {
            ObjectNode text = streamed.chunk(json.createObjectNode().put("content", message.path("content").asText()), null);
            relay(text, streamed);
        }
    }

    /** Sends a text chunk to the caller, opening the stream first; finish reasons and usage are held back. */
    private void relay(ObjectNode chunk, StreamedTurn streamed) throws IOException {
        openIfNeeded(streamed);
        ObjectNode forward = chunk.deepCopy();
        if (forward.path("choices").path(0) instanceof ObjectNode choice) {
            choice.putNull("finish_reason");
            if (choice.path("delta") instanceof ObjectNode delta) {
                delta.remove("role");
            }
        }
        if (callerWantsUsage) {
            forward.putNull("usage");
        } else {
            forward.remove("usage");
        }
        client.write(json.writeValueAsString(forward));
    }

    private void openIfNeeded(StreamedTurn streamed) throws IOException {
        if (!client.opened()) {
            client.open(stage.headers(records, turn, false));
            client.write(json.writeValueAsString(streamed.roleChunk()));
        }
    }

    /** Ends the caller's stream: its own tool calls if any, one finish chunk, the summed usage if asked, [DONE]. */
    private void finish(StreamedTurn streamed, List<JsonNode> callerCalls, boolean limitReached) throws IOException {
        if (!client.opened()) {
            client.open(stage.headers(records, turn, limitReached));
            client.write(json.writeValueAsString(streamed.roleChunk()));
        }
        String finishReason = streamed.finishReason();
        if (!callerCalls.isEmpty()) {
            client.write(json.writeValueAsString(streamed.toolCallChunk(callerCalls)));
            finishReason = "tool_calls";
        } else if (streamed.hasToolCalls()) {
            finishReason = "stop";
        }
        client.write(json.writeValueAsString(streamed.chunk(json.createObjectNode(), finishReason)));
        if (callerWantsUsage) {
            client.write(json.writeValueAsString(streamed.usageChunk(usage)));
        }
        client.done();
    }

    private JsonNode parse(String data) {
        try {
            JsonNode chunk = json.readTree(data);
            return chunk != null && chunk.isObject() ? chunk : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
