package io.policygateway.plugins.gemini;

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
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stream parsing: each server-sent {@code GenerateContentResponse} of {@code streamGenerateContent?alt=sse}
 * becomes chat chunks. The first chunk of each candidate carries the role; text parts become content
 * deltas; a {@code functionCall} part (Gemini sends each call whole) becomes one tool call delta with
 * its complete arguments; {@code finishReason} becomes the finish chunk. At the end a usage-only chunk
 * follows when the caller asked for {@code stream_options.include_usage}. An {@code error} object in
 * the stream fails it. One reader; not thread-safe.
 */
final class GeminiToChatStream implements EventStream {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String name;
    private final UpstreamResponse response;
    private final SseParser parser;
    private final boolean includeUsage;
    private final long created;
    private final ArrayDeque<SseEvent> pending = new ArrayDeque<>();
    private final Set<Integer> started = new HashSet<>();
    private final Map<Integer, Integer> toolCallsByCandidate = new HashMap<>();
    private String id;
    private String model;
    private JsonNode usageMetadata = NODES.objectNode();
    private boolean done;
    private boolean closed;

    GeminiToChatStream(String name, UpstreamResponse response, String model, boolean includeUsage, Clock clock) {
        this.name = requireNonNull(name, "name is null");
        this.response = requireNonNull(response, "response is null");
        this.parser = new SseParser(response.body());
        this.model = requireNonNull(model, "model is null");
        this.includeUsage = includeUsage;
        this.created = clock.instant().getEpochSecond();
    }

    @Override
    public Optional<SseEvent> next() throws GatewayException {
        while (pending.isEmpty() && !done) {
            Optional<SseEvent> upstream;
            try {
                upstream = parser.next();
            } catch (IOException e) {
                close();
                throw UpstreamErrors.fromReadFailure(name, e);
            }
            if (upstream.isEmpty()) {
                finish();
            } else {
                translate(parse(upstream.get().data()));
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

    private void translate(JsonNode chunk) throws GatewayException {
        if (chunk.has("error")) {
            close();
            JsonNode error = chunk.path("error");
            throw new GatewayException(ErrorCategory.UPSTREAM, name + " failed mid-stream (" + error.path("status").asText("error")
                    + "): " + error.path("message").asText(""));
        }
        if (id == null) {
            id = GeminiShapes.completionId(chunk);
        }
        model = chunk.path("modelVersion").asText(model);
        if (chunk.has("usageMetadata")) {
            usageMetadata = chunk.get("usageMetadata");
        }
        JsonNode candidates = chunk.path("candidates");
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode candidate = candidates.get(i);
            int index = candidate.path("index").asInt(i);
            if (started.add(index)) {
                emit(index, NODES.objectNode().put("role", "assistant").put("content", ""), null);
            }
            for (JsonNode part : candidate.path("content").path("parts")) {
                if (part.has("functionCall")) {
                    int toolIndex = toolCallsByCandidate.merge(index, 1, Integer::sum) - 1;
                    ObjectNode call = GeminiShapes.toolCall(part);
                    ObjectNode indexed = NODES.objectNode().put("index", toolIndex);
                    indexed.setAll(call);
                    ObjectNode delta = NODES.objectNode();
                    delta.putArray("tool_calls").add(indexed);
                    emit(index, delta, null);
                } else if (part.has("text") && !part.path("thought").asBoolean(false) && !part.path("text").asText().isEmpty()) {
                    emit(index, NODES.objectNode().put("content", part.path("text").asText()), null);
                }
            }
            String finish = GeminiShapes.finishReason(candidate.path("finishReason").asText(null), toolCallsByCandidate.containsKey(index));
            if (finish != null) {
                emit(index, NODES.objectNode(), finish);
            }
        }
        if (candidates.isEmpty() && chunk.path("promptFeedback").has("blockReason")) {
            emit(0, NODES.objectNode().put("role", "assistant"), "content_filter");
        }
    }

    private void finish() {
        if (includeUsage) {
            pending.add(SseEvent.data(GeminiShapes.usageChunk(id == null ? "chatcmpl-" : id, created, model,
                    GeminiShapes.usage(usageMetadata)).toString()));
        }
        close();
    }

    private void emit(int index, ObjectNode delta, String finishReason) {
        pending.add(SseEvent.data(GeminiShapes.chunk(id, created, model, index, delta, finishReason).toString()));
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
