package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.EventStream;
import io.policygateway.kernel.policy.GuardrailChain;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The provider→gateway→client leg of an OpenAI chat stream: relays chunks as they arrive, counts
 * usage (dropping the usage chunk the caller did not ask for), passes text deltas through
 * stream-watching guardrails, and ends with {@code [DONE]} only on a clean finish. A failure or a
 * block after the stream started ends it with a terminal error event instead.
 */
final class StreamRelay {
    private final ObjectMapper json;
    private final ErrorResponses errors;
    private final boolean callerWantsUsage;
    private static final int TEXT_LIMIT = 1 << 20;

    private final Optional<GuardrailChain.StreamChain> guards;
    private final Optional<Supplier<ObjectNode>> metadata;
    private final StringBuilder text = new StringBuilder();
    private Usage usage = Usage.NONE;
    private ObjectNode lastChunk;

    /**
     * @param metadata on {@code /policy}: the policy object to put in every frame
     */
    StreamRelay(ObjectMapper json, ErrorResponses errors, boolean callerWantsUsage, Optional<GuardrailChain.StreamChain> guards,
            Optional<Supplier<ObjectNode>> metadata) {
        this.json = requireNonNull(json, "json is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.callerWantsUsage = callerWantsUsage;
        this.guards = guards.filter(chain -> !chain.isEmpty());
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    Usage usage() {
        return usage;
    }

    /** The text the client received (first MiB), for audit records. */
    String text() {
        return text.toString();
    }

    /** What ended the stream. */
    enum End { COMPLETE, UPSTREAM_FAILED, BLOCKED }

    /**
     * @param failure receives the error when the stream did not complete
     */
    End relay(EventStream events, ClientExchange.StreamSink sink, AccessRecord record, GatewayException[] failure) throws IOException {
        boolean first = true;
        while (true) {
            Optional<SseEvent> next;
            long waitStarted = System.nanoTime();
            try {
                next = events.next();
            } catch (GatewayException e) {
                record.upstreamNanos(System.nanoTime() - waitStarted);
                failure[0] = e;
                sink.write(errorEvent(e));
                return End.UPSTREAM_FAILED;
            }
            record.upstreamNanos(System.nanoTime() - waitStarted);
            try {
                if (next.isEmpty()) {
                    writeTail(sink);
                    if (metadata.isPresent()) {
                        ObjectNode last = json.createObjectNode().put("object", "chat.completion.chunk");
                        last.putArray("choices");
                        last.set("policy", metadata.get().get());
                        sink.write(SseEvent.data(last.toString()).encode());
                    }
                    sink.write("data: [DONE]\n\n");
                    return End.COMPLETE;
                }
                Optional<String> out = process(next.get().data(), sink);
                if (out.isPresent()) {
                    sink.write(SseEvent.data(out.get()).encode());
                    if (first) {
                        record.firstByteNanos = record.elapsedNanos();
                        first = false;
                    }
                }
            } catch (GatewayException blocked) {
                failure[0] = blocked;
                sink.write(errorEvent(blocked));
                return End.BLOCKED;
            }
        }
    }

    /** Returns the chunk to send, or empty to drop it. */
    private Optional<String> process(String data, ClientExchange.StreamSink sink) throws GatewayException, IOException {
        if (data.equals("[DONE]")) {
            return Optional.empty();
        }
        boolean hasUsage = data.indexOf("\"usage\"") >= 0;
        if (!hasUsage && guards.isEmpty() && metadata.isEmpty()) {
            return Optional.of(data);
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(data);
        } catch (IOException e) {
            return Optional.of(data);
        }
        if (!(parsed instanceof ObjectNode chunk)) {
            return Optional.of(data);
        }
        boolean changed = false;
        if (hasUsage) {
            Usage reported = OpenAiUsage.from(chunk);
            if (reported.totalTokens() > 0) {
                usage = reported;
            }
            if (!callerWantsUsage) {
                chunk.remove("usage");
                changed = true;
                if (chunk.path("choices").isArray() && chunk.path("choices").isEmpty()) {
                    return Optional.empty();
                }
            }
        }
        if (guards.isPresent()) {
            lastChunk = chunk;
            JsonNode choice = chunk.path("choices").path(0);
            JsonNode content = choice.path("delta").path("content");
            if (content.isTextual()) {
                String released = guards.get().onText(content.asText());
                ((ObjectNode) choice.path("delta")).put("content", released);
                changed = true;
            }
            if (choice.hasNonNull("finish_reason")) {
                writeTail(sink);
            }
        }
        JsonNode delta = chunk.path("choices").path(0).path("delta").path("content");
        if (delta.isTextual() && text.length() < TEXT_LIMIT) {
            text.append(delta.asText());
        }
        if (metadata.isPresent()) {
            chunk.set("policy", metadata.get().get());
            changed = true;
        }
        return Optional.of(changed ? chunk.toString() : data);
    }

    private String errorEvent(GatewayException error) {
        if (metadata.isEmpty()) {
            return errors.streamError(error, WireFormat.OPENAI_CHAT).encode();
        }
        ObjectNode body = errors.body(error, WireFormat.OPENAI_CHAT);
        body.set("policy", metadata.get().get());
        return SseEvent.data(body.toString()).encode();
    }

    /** Flushes text the guards held back, as one more content chunk. */
    private void writeTail(ClientExchange.StreamSink sink) throws GatewayException, IOException {
        if (guards.isEmpty() || lastChunk == null) {
            return;
        }
        String tail = guards.get().finish();
        lastChunk = null;
        if (tail.isEmpty()) {
            return;
        }
        ObjectNode chunk = json.createObjectNode();
        chunk.put("object", "chat.completion.chunk");
        ArrayNode choices = chunk.putArray("choices");
        choices.addObject().put("index", 0).putNull("finish_reason").putObject("delta").put("content", tail);
        if (text.length() < TEXT_LIMIT) {
            text.append(tail);
        }
        metadata.ifPresent(policy -> chunk.set("policy", policy.get()));
        sink.write(SseEvent.data(chunk.toString()).encode());
    }
}
