package io.policygateway.kernel.toolloop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.EventStream;
import io.policygateway.api.provider.ProviderResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The tool loop for a caller that asked for a stream, seen by the endpoint as one provider stream
 * of {@code chat.completion.chunk} events (so the endpoint's relay, stream guardrails and policy
 * metadata apply unchanged). Every model turn is requested as a stream; text is passed on as soon
 * as it arrives (so the final turn streams), tool-call turns are read whole, run, and answered with
 * another turn. The model's finish and usage chunks are held back: the stream ends with one finish
 * chunk and one usage chunk carrying the sum of all turns. Read by one thread.
 */
final class ToolLoopEventStream implements EventStream {
    private final ToolLoopStage stage;
    private final ToolPlan plan;
    private final ModelTurns turns;
    private final ObjectMapper json;
    private final ObjectNode body;
    private final List<ToolCallRecord> records = new ArrayList<>();
    private final Deque<String> ready = new ArrayDeque<>();
    private EventStream upstream;
    private StreamedTurn turn;
    private int turnCount;
    private Usage usage = Usage.NONE;
    private boolean started;
    private boolean limitReached;
    private boolean finished;
    private volatile boolean closed;

    private ToolLoopEventStream(ToolLoopStage stage, ToolPlan plan, ModelTurns turns, ObjectMapper json) {
        this.stage = stage;
        this.plan = plan;
        this.turns = turns;
        this.json = json;
        this.body = plan.body().deepCopy();
        body.put("stream", true);
        body.withObject("stream_options").put("include_usage", true);
    }

    /**
     * Runs the loop up to the first chunk the caller will see (tool turns before any text run
     * here), so that the response headers can carry the calls made.
     *
     * @throws GatewayException when no turn could be made, or the limit was reached before any text (error mode)
     */
    static ProviderResponse.Streaming open(ToolLoopStage stage, ToolPlan plan, ModelTurns turns, ObjectMapper json)
            throws GatewayException {
        ToolLoopEventStream stream = new ToolLoopEventStream(stage, plan, turns, json);
        try {
            stream.fill();
        } catch (GatewayException | RuntimeException e) {
            stream.close();
            throw e;
        }
        return new ProviderResponse.Streaming(WireFormat.OPENAI_CHAT, stream,
                stage.headers(stream.records, stream.turnCount, stream.limitReached));
    }

    @Override
    public Optional<SseEvent> next() throws GatewayException {
        if (ready.isEmpty()) {
            fill();
        }
        String chunk = ready.poll();
        return chunk == null ? Optional.empty() : Optional.of(SseEvent.data(chunk));
    }

    /** Reads turns (running tools between them) until a chunk is ready for the caller or the loop is over. */
    private void fill() throws GatewayException {
        while (ready.isEmpty() && !finished && !closed) {
            if (upstream == null) {
                startTurn();
            }
            Optional<SseEvent> event = upstream.next();
            if (event.isEmpty()) {
                upstream.close();
                upstream = null;
                endTurn();
            } else {
                take(event.get().data());
            }
        }
    }

    private void startTurn() throws GatewayException {
        turnCount++;
        turn = new StreamedTurn(json);
        upstream = switch (turns.call(body, true)) {
            case ProviderResponse.Streaming streaming -> streaming.events();
            case ProviderResponse.Complete complete -> new OneChunk(asChunk(complete.body()));
        };
    }

    private void take(String data) {
        if (data.equals("[DONE]")) {
            return;
        }
        JsonNode chunk;
        try {
            chunk = json.readTree(data);
        } catch (JsonProcessingException e) {
            return;
        }
        if (!(chunk instanceof ObjectNode object)) {
            return;
        }
        turn.add(object);
        if (!turn.hasToolCalls() && StreamedTurn.carriesText(object)) {
            emitText(object);
        }
    }

    /** Passes a text chunk on; the model's finish reason and usage are held back for the end. */
    private void emitText(ObjectNode chunk) {
        if (!started) {
            started = true;
            ready.add(turn.roleChunk().toString());
        }
        ObjectNode text = chunk.deepCopy();
        text.remove("usage");
        if (text.path("choices").path(0) instanceof ObjectNode choice) {
            choice.putNull("finish_reason");
            if (choice.path("delta") instanceof ObjectNode delta) {
                delta.remove("role");
            }
        }
        ready.add(text.toString());
    }

    private void endTurn() throws GatewayException {
        usage = usage.plus(turn.usage());
        ToolLoopStage.Split split = stage.split(plan, turn.toolCalls());
        if (split.gateway().isEmpty() || !split.caller().isEmpty()) {
            finish(split.caller());
            return;
        }
        if (turnCount >= plan.maxTurns()) {
            if (!plan.lastAnswerOnLimit()) {
                throw stage.limitError(plan);
            }
            limitReached = true;
            finish(List.of());
            return;
        }
        ArrayNode messages = body.withArray("messages");
        messages.add(stage.assistantMessage(json.getNodeFactory().textNode(turn.content()), split.gateway()));
        for (ToolExecutor.Executed executed : stage.execute(plan, split.gateway())) {
            messages.add(executed.message());
            records.add(executed.record());
        }
    }

    /** The end of the caller's stream: its own tool calls if any, one finish chunk, the usage of every turn. */
    private void finish(List<JsonNode> callerCalls) {
        if (!started) {
            started = true;
            ready.add(turn.roleChunk().toString());
        }
        String finishReason = turn.finishReason();
        if (!callerCalls.isEmpty()) {
            ready.add(turn.toolCallChunk(callerCalls).toString());
            finishReason = "tool_calls";
        } else if (turn.hasToolCalls()) {
            finishReason = "stop";
        }
        ready.add(turn.chunk(json.createObjectNode(), finishReason).toString());
        ready.add(turn.usageChunk(usage).toString());
        finished = true;
    }

    /** A whole answer where a stream was asked for, as one chunk. */
    private ObjectNode asChunk(ObjectNode completion) {
        JsonNode message = completion.path("choices").path(0).path("message");
        ObjectNode chunk = json.createObjectNode().put("id", completion.path("id").asText("chatcmpl-gateway"))
                .put("object", "chat.completion.chunk").put("created", completion.path("created").asLong(0))
                .put("model", completion.path("model").asText(""));
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta").put("role", "assistant");
        if (message.path("content").isTextual()) {
            delta.put("content", message.path("content").asText());
        }
        ArrayNode calls = delta.putArray("tool_calls");
        for (int i = 0; i < message.path("tool_calls").size(); i++) {
            calls.add(((ObjectNode) message.path("tool_calls").get(i)).deepCopy().put("index", i));
        }
        choice.put("finish_reason", completion.path("choices").path(0).path("finish_reason").asText("stop"));
        if (completion.has("usage")) {
            chunk.set("usage", completion.get("usage"));
        }
        return chunk;
    }

    @Override
    public void close() {
        closed = true;
        EventStream current = upstream;
        if (current != null) {
            current.close();
        }
    }

    /** A single chunk as a stream. */
    private static final class OneChunk implements EventStream {
        private ObjectNode chunk;

        OneChunk(ObjectNode chunk) {
            this.chunk = chunk;
        }

        @Override
        public Optional<SseEvent> next() {
            ObjectNode next = chunk;
            chunk = null;
            return Optional.ofNullable(next).map(node -> SseEvent.data(node.toString()));
        }

        @Override
        public void close() {
            chunk = null;
        }
    }
}
