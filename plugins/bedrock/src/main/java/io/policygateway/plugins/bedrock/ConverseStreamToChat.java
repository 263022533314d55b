package io.policygateway.plugins.bedrock;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.http.UpstreamErrors;
import io.policygateway.api.http.UpstreamResponse;
import io.policygateway.api.provider.EventStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stream parsing: ConverseStream's event-stream messages become {@code chat.completion.chunk} events.
 * {@code messageStart} gives the role chunk; {@code contentBlockStart} with a {@code toolUse} gives a
 * tool call with its id and name, and each {@code contentBlockDelta} a text or tool-argument fragment;
 * {@code messageStop} gives the finish reason; {@code metadata} (after it) gives usage, written as a
 * usage-only chunk when the caller asked for {@code stream_options.include_usage}. Exception messages
 * fail the stream with the matching category. One reader; not thread-safe.
 */
final class ConverseStreamToChat implements EventStream {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String name;
    private final UpstreamResponse response;
    private final EventStreamDecoder decoder;
    private final ChatRequestToConverse.Translation translation;
    private final String id;
    private final String model;
    private final long created;
    private final ArrayDeque<SseEvent> pending = new ArrayDeque<>();
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    private int jsonBlock = -1;
    private boolean done;
    private boolean closed;

    ConverseStreamToChat(String name, UpstreamResponse response, ChatRequestToConverse.Translation translation, String model,
            String requestId, long created) {
        this.name = requireNonNull(name, "name is null");
        this.response = requireNonNull(response, "response is null");
        this.decoder = new EventStreamDecoder(response.body());
        this.translation = requireNonNull(translation, "translation is null");
        this.id = ConverseShapes.completionId(requestId);
        this.model = requireNonNull(model, "model is null");
        this.created = created;
    }

    @Override
    public Optional<SseEvent> next() throws GatewayException {
        while (pending.isEmpty() && !done) {
            Optional<EventStreamMessage> message;
            try {
                message = decoder.next();
            } catch (EventStreamDecoder.MalformedFrameException e) {
                close();
                throw new GatewayException(ErrorCategory.UPSTREAM, name + " sent a corrupt event stream: " + e.getMessage(), e);
            } catch (IOException e) {
                close();
                throw UpstreamErrors.fromReadFailure(name, e);
            }
            if (message.isEmpty()) {
                close();
            } else {
                translate(message.get());
            }
        }
        return Optional.ofNullable(pending.poll());
    }

    @Override
    public void close() {
        done = true;
        if (!closed) {
            closed = true;
            response.close();
        }
    }

    private void translate(EventStreamMessage message) throws GatewayException {
        String messageType = message.header(":message-type").orElse("event");
        if (messageType.equals("exception")) {
            close();
            throw exception(message.header(":exception-type").orElse("exception"), payload(message).path("message").asText(""));
        }
        if (messageType.equals("error")) {
            close();
            throw new GatewayException(ErrorCategory.UPSTREAM, name + " stream failed (" + message.header(":error-code").orElse("error")
                    + "): " + message.header(":error-message").orElse(""));
        }
        JsonNode event = payload(message);
        switch (message.header(":event-type").orElse("")) {
            case "messageStart" -> emit(NODES.objectNode().put("role", "assistant").put("content", ""), null);
            case "contentBlockStart" -> blockStart(event.path("contentBlockIndex").asInt(), event.path("start").path("toolUse"));
            case "contentBlockDelta" -> blockDelta(event.path("contentBlockIndex").asInt(), event.path("delta"));
            case "messageStop" -> emit(NODES.objectNode(),
                    ConverseShapes.finishReason(event.path("stopReason").asText(null), translation.jsonTool().isPresent()));
            case "metadata" -> {
                if (translation.includeUsage()) {
                    pending.add(SseEvent.data(ConverseShapes.usageChunk(id, created, model, ConverseShapes.usage(event.path("usage"))).toString()));
                }
            }
            default -> {
                // contentBlockStop and event types added later carry nothing for OpenAI chat
            }
        }
    }

    private void blockStart(int index, JsonNode toolUse) {
        if (toolUse.isMissingNode()) {
            return;
        }
        String toolName = toolUse.path("name").asText();
        if (translation.jsonTool().filter(toolName::equals).isPresent()) {
            jsonBlock = index;
            return;
        }
        int toolIndex = toolIndexByBlock.size();
        toolIndexByBlock.put(index, toolIndex);
        ObjectNode call = NODES.objectNode().put("index", toolIndex).put("id", toolUse.path("toolUseId").asText()).put("type", "function");
        call.putObject("function").put("name", toolName).put("arguments", "");
        ObjectNode delta = NODES.objectNode();
        delta.putArray("tool_calls").add(call);
        emit(delta, null);
    }

    private void blockDelta(int index, JsonNode delta) {
        if (delta.has("text")) {
            String text = delta.path("text").asText("");
            if (!text.isEmpty()) {
                emit(NODES.objectNode().put("content", text), null);
            }
            return;
        }
        String fragment = delta.path("toolUse").path("input").asText("");
        if (fragment.isEmpty()) {
            return;
        }
        if (index == jsonBlock) {
            emit(NODES.objectNode().put("content", fragment), null);
            return;
        }
        Integer toolIndex = toolIndexByBlock.get(index);
        if (toolIndex != null) {
            ObjectNode call = NODES.objectNode().put("index", toolIndex);
            call.putObject("function").put("arguments", fragment);
            ObjectNode chatDelta = NODES.objectNode();
            chatDelta.putArray("tool_calls").add(call);
            emit(chatDelta, null);
        }
    }

    private GatewayException exception(String type, String message) {
        ErrorCategory category = switch (type) {
            case "throttlingException" -> ErrorCategory.RATE_LIMITED;
            case "validationException" -> ErrorCategory.INVALID_REQUEST;
            case "modelTimeoutException" -> ErrorCategory.UPSTREAM_TIMEOUT;
            default -> ErrorCategory.UPSTREAM;
        };
        return new GatewayException(category, name + " stream failed (" + type + "): " + message, type, null, 0, null, null);
    }

    private void emit(ObjectNode delta, String finishReason) {
        pending.add(SseEvent.data(ConverseShapes.chunk(id, created, model, delta, finishReason).toString()));
    }

    private JsonNode payload(EventStreamMessage message) throws GatewayException {
        if (message.payload().length == 0) {
            return NODES.objectNode();
        }
        try {
            return MAPPER.readTree(message.payload());
        } catch (IOException e) {
            close();
            throw new GatewayException(ErrorCategory.UPSTREAM, name + " sent an event whose payload is not JSON", e);
        }
    }
}
