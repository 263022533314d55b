package io.policygateway.plugins.anthropic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.http.SseParser;
import io.policygateway.api.http.UpstreamErrors;
import io.policygateway.api.http.UpstreamResponse;
import io.policygateway.api.provider.EventStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stream parsing for OpenAI chat callers: Anthropic stream events become {@code chat.completion.chunk}
 * events. {@code message_start} gives the role chunk and the input usage; text deltas become content;
 * a {@code tool_use} block start becomes a tool call with its id and name, and each
 * {@code input_json_delta} an arguments fragment for the same tool index; {@code message_delta} gives
 * the finish reason and output usage; after {@code message_stop} a usage-only chunk follows when the
 * caller asked for {@code stream_options.include_usage}. An Anthropic {@code error} event fails the
 * stream with the matching category. One reader; not thread-safe.
 */
final class AnthropicToChatStream implements EventStream {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String name;
    private final UpstreamResponse response;
    private final SseParser parser;
    private final ChatRequestToAnthropic.Translation translation;
    private final long created;
    private final ArrayDeque<SseEvent> pending = new ArrayDeque<>();
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    private int jsonBlock = -1;
    private String id = "chatcmpl-";
    private String model;
    private long inputTokens;
    private long cacheReadTokens;
    private long cacheWriteTokens;
    private long outputTokens;
    private boolean done;
    private boolean closed;

    AnthropicToChatStream(String name, UpstreamResponse response, ChatRequestToAnthropic.Translation translation, Clock clock) {
        this.name = requireNonNull(name, "name is null");
        this.response = requireNonNull(response, "response is null");
        this.translation = requireNonNull(translation, "translation is null");
        this.parser = new SseParser(response.body());
        this.created = clock.instant().getEpochSecond();
        this.model = translation.body().path("model").asText();
    }

    @Override
    public Optional<SseEvent> next() throws GatewayException {
        while (pending.isEmpty() && !done) {
            Optional<SseEvent> upstream = read();
            if (upstream.isEmpty()) {
                done = true;
                close();
                break;
            }
            translate(upstream.get());
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

    private Optional<SseEvent> read() throws GatewayException {
        try {
            return parser.next();
        } catch (IOException e) {
            close();
            throw UpstreamErrors.fromReadFailure(name, e);
        }
    }

    private void translate(SseEvent upstream) throws GatewayException {
        JsonNode event = parse(upstream.data());
        switch (event.path("type").asText(upstream.event().orElse(""))) {
            case "message_start" -> {
                JsonNode message = event.path("message");
                id = ChatShapes.completionId(message.path("id").asText(""));
                model = message.path("model").asText(model);
                recordUsage(message.path("usage"));
                emit(NODES.objectNode().put("role", "assistant").put("content", ""), null);
            }
            case "content_block_start" -> blockStart(event.path("index").asInt(), event.path("content_block"));
            case "content_block_delta" -> blockDelta(event.path("index").asInt(), event.path("delta"));
            case "message_delta" -> {
                recordUsage(event.path("usage"));
                String stopReason = event.path("delta").path("stop_reason").asText(null);
                if (stopReason != null) {
                    emit(NODES.objectNode(), ChatShapes.finishReason(stopReason, translation.jsonTool().isPresent()));
                }
            }
            case "message_stop" -> {
                if (translation.includeUsage()) {
                    pending.add(SseEvent.data(ChatShapes.usageChunk(id, created, model,
                            ChatShapes.usage(inputTokens, cacheReadTokens, cacheWriteTokens, outputTokens)).toString()));
                }
                done = true;
                close();
            }
            case "error" -> {
                close();
                throw streamError(event.path("error"));
            }
            default -> {
                // ping, content_block_stop and event types added later carry nothing for OpenAI chat
            }
        }
    }

    private void blockStart(int index, JsonNode block) {
        switch (block.path("type").asText("")) {
            case "text" -> {
                String text = block.path("text").asText("");
                if (!text.isEmpty()) {
                    emit(NODES.objectNode().put("content", text), null);
                }
            }
            case "tool_use" -> {
                String toolName = block.path("name").asText();
                if (translation.jsonTool().filter(toolName::equals).isPresent()) {
                    jsonBlock = index;
                    return;
                }
                int toolIndex = toolIndexByBlock.size();
                toolIndexByBlock.put(index, toolIndex);
                ObjectNode call = NODES.objectNode();
                call.put("index", toolIndex);
                call.put("id", block.path("id").asText());
                call.put("type", "function");
                call.putObject("function").put("name", toolName).put("arguments", "");
                ObjectNode delta = NODES.objectNode();
                delta.putArray("tool_calls").add(call);
                emit(delta, null);
            }
            default -> {
                // thinking and server tool blocks have no OpenAI chat equivalent
            }
        }
    }

    private void blockDelta(int index, JsonNode delta) {
        switch (delta.path("type").asText("")) {
            case "text_delta" -> emit(NODES.objectNode().put("content", delta.path("text").asText()), null);
            case "input_json_delta" -> {
                String fragment = delta.path("partial_json").asText("");
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
            default -> {
                // thinking, signature and citation deltas have no OpenAI chat equivalent
            }
        }
    }

    private void recordUsage(JsonNode usage) {
        inputTokens = Math.max(inputTokens, usage.path("input_tokens").asLong(0));
        cacheReadTokens = Math.max(cacheReadTokens, usage.path("cache_read_input_tokens").asLong(0));
        cacheWriteTokens = Math.max(cacheWriteTokens, usage.path("cache_creation_input_tokens").asLong(0));
        outputTokens = Math.max(outputTokens, usage.path("output_tokens").asLong(0));
    }

    private void emit(ObjectNode delta, String finishReason) {
        pending.add(SseEvent.data(ChatShapes.chunk(id, created, model, delta, finishReason).toString()));
    }

    private GatewayException streamError(JsonNode error) {
        String type = error.path("type").asText("api_error");
        String message = name + " stream failed (" + type + "): " + error.path("message").asText("");
        ErrorCategory category = switch (type) {
            case "rate_limit_error" -> ErrorCategory.RATE_LIMITED;
            case "invalid_request_error" -> ErrorCategory.INVALID_REQUEST;
            case "timeout_error" -> ErrorCategory.UPSTREAM_TIMEOUT;
            default -> ErrorCategory.UPSTREAM;
        };
        return new GatewayException(category, message, type, null, 0, null, null);
    }

    private JsonNode parse(String data) throws GatewayException {
        try {
            return MAPPER.readTree(data);
        } catch (IOException e) {
            close();
            throw new GatewayException(ErrorCategory.UPSTREAM, name + " sent a stream event that is not JSON", e);
        }
    }
}
