package io.policygateway.plugins.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.EventStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The local answer as {@code chat.completion.chunk} events: role, one chunk per word, finish, usage. */
final class LocalChatStream implements EventStream {
    private final ObjectMapper json;
    private final String id;
    private final long created;
    private final String model;
    private final List<String> pieces;
    private final long promptTokens;
    private final long completionTokens;
    private final boolean includeUsage;
    private final Duration delay;
    private int position = -1;
    private volatile boolean closed;

    LocalChatStream(ObjectMapper json, String id, long created, String model, String answer, long promptTokens, long completionTokens,
            boolean includeUsage, Duration delay) {
        this.json = json;
        this.id = id;
        this.created = created;
        this.model = model;
        this.pieces = split(answer);
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
        this.includeUsage = includeUsage;
        this.delay = delay;
    }

    private static List<String> split(String answer) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= answer.length(); i++) {
            if (i == answer.length() || answer.charAt(i) == ' ') {
                pieces.add(answer.substring(start, i));
                start = i;
            }
        }
        return pieces;
    }

    @Override
    public Optional<SseEvent> next() throws GatewayException {
        if (closed) {
            return Optional.empty();
        }
        position++;
        ObjectNode chunk = chunk();
        if (position == 0) {
            chunk.withArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta")
                    .put("role", "assistant").put("content", "");
        } else if (position <= pieces.size()) {
            pause();
            chunk.withArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta")
                    .put("content", pieces.get(position - 1));
        } else if (position == pieces.size() + 1) {
            chunk.withArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        } else if (position == pieces.size() + 2 && includeUsage) {
            chunk.putArray("choices");
            LocalProvider.usage(chunk.putObject("usage"), promptTokens, completionTokens);
        } else {
            return Optional.empty();
        }
        if (includeUsage && !chunk.has("usage")) {
            chunk.putNull("usage");
        }
        return Optional.of(SseEvent.data(chunk.toString()));
    }

    private ObjectNode chunk() {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        chunk.putNull("system_fingerprint");
        return chunk;
    }

    private void pause() throws GatewayException {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorCategory.UPSTREAM, "local stream interrupted");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
