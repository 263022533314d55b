package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.EventStream;
import io.policygateway.api.provider.ProviderResponse;
import io.policygateway.kernel.metrics.GatewayMetrics;
import io.policygateway.kernel.provider.ProviderRegistry;
import io.policygateway.kernel.toolloop.ModelTurns;
import io.policygateway.kernel.toolloop.ToolLoopStage;
import io.policygateway.kernel.toolloop.ToolPlan;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/chat/completions}: the OpenAI Chat Completions surface.
 *
 * <p>Stages, in order: read body → parse → validate → strip gateway-only fields → resolve alias →
 * dispatch (provider call) → respond whole, or relay the stream event by event. When a tool loop
 * offers tools to the caller, the dispatch and response stages are run by the {@link ToolLoopStage}
 * instead: tools injected, tool calls run by the gateway, only the final answer reaches the caller.
 */
public final class ChatEndpoint implements Endpoint {
    private final ObjectMapper json;
    private final ProviderRegistry registry;
    private final Dispatcher dispatcher;
    private final ErrorResponses errors;
    private final GatewayMetrics metrics;
    private final long maxBodyBytes;
    private final ToolLoopStage toolLoop;

    public ChatEndpoint(ObjectMapper json, ProviderRegistry registry, Dispatcher dispatcher, ErrorResponses errors,
            GatewayMetrics metrics, long maxBodyBytes, ToolLoopStage toolLoop) {
        this.json = requireNonNull(json, "json is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.maxBodyBytes = maxBodyBytes;
        this.toolLoop = requireNonNull(toolLoop, "toolLoop is null");
    }

    @Override
    public WireFormat errorFormat() {
        return WireFormat.OPENAI_CHAT;
    }

    @Override
    public void handle(RequestCall call) throws GatewayException, IOException {
        ObjectNode clientBody = JsonBodies.parseObject(json, call.exchange().readBody(maxBodyBytes));
        ChatRequestValidator.validate(clientBody);
        String requestedModel = clientBody.get("model").asText();
        boolean stream = clientBody.path("stream").asBoolean(false);
        AccessRecord record = call.record();
        record.requestedModel = requestedModel;
        record.stream = stream;

        ObjectNode upstreamBody = JsonBodies.withoutGatewayFields(clientBody);
        String model = registry.resolveAlias(requestedModel);
        upstreamBody.put("model", model);
        boolean callerWantsUsage = clientBody.path("stream_options").path("include_usage").asBoolean(false);
        if (stream && !callerWantsUsage) {
            upstreamBody.withObject("stream_options").put("include_usage", true);
        }
        PolicyContext context = policyContext(call);
        Optional<ToolPlan> toolPlan = toolLoop.plan(upstreamBody, context);
        if (toolPlan.isPresent()) {
            runToolLoop(call, toolPlan.get(), model, stream, callerWantsUsage, context);
            return;
        }
        Dispatcher.Dispatched dispatched = dispatcher.dispatch(call, WireFormat.OPENAI_CHAT, model, upstreamBody, stream, context,
                forwardHeaders(call));
        switch (dispatched.response()) {
            case ProviderResponse.Complete complete -> respondWhole(call, dispatched, complete);
            case ProviderResponse.Streaming streaming -> relayStream(call, dispatched, streaming, callerWantsUsage);
        }
    }

    /** The request through the tool loop: each model turn dispatched like a plain request, only the final answer sent. */
    private void runToolLoop(RequestCall call, ToolPlan plan, String model, boolean stream, boolean callerWantsUsage,
            PolicyContext context) throws GatewayException, IOException {
        Dispatcher.Dispatched[] last = new Dispatcher.Dispatched[1];
        ModelTurns turns = (body, streamTurn) -> {
            last[0] = dispatcher.dispatch(call, WireFormat.OPENAI_CHAT, model, body, streamTurn, context, forwardHeaders(call));
            return last[0].response();
        };
        if (!stream) {
            ToolLoopStage.WholeAnswer answer = toolLoop.runWhole(plan, turns);
            recordUsage(call.record(), last[0], answer.usage());
            call.record().status = 200;
            Map<String, String> headers = responseHeaders(call, last[0], last[0].response().headers());
            headers.putAll(answer.headers());
            call.exchange().respond(200, headers, "application/json", json.writeValueAsBytes(answer.body()));
            return;
        }
        Usage usage = Usage.NONE;
        try {
            usage = toolLoop.runStreaming(plan, turns, new ToolLoopClientStream(call,
                    () -> responseHeaders(call, last[0], last[0].response().headers()), errors), callerWantsUsage);
        } finally {
            if (last[0] != null) {
                recordUsage(call.record(), last[0], usage);
            }
        }
    }

    private void respondWhole(RequestCall call, Dispatcher.Dispatched dispatched, ProviderResponse.Complete complete) throws IOException {
        Usage usage = OpenAiUsage.from(complete.body());
        recordUsage(call.record(), dispatched, usage);
        call.record().status = 200;
        byte[] bytes = json.writeValueAsBytes(complete.body());
        call.exchange().respond(200, responseHeaders(call, dispatched, complete.headers()), "application/json", bytes);
    }

    private void relayStream(RequestCall call, Dispatcher.Dispatched dispatched, ProviderResponse.Streaming streaming,
            boolean callerWantsUsage) throws IOException {
        AccessRecord record = call.record();
        Usage usage = Usage.NONE;
        try (EventStream events = streaming.events()) {
            call.exchange().onClientGone(events::close);
            ClientExchange.StreamSink sink = call.exchange().startStream(200, responseHeaders(call, dispatched, streaming.headers()));
            record.status = 200;
            boolean first = true;
            while (true) {
                Optional<SseEvent> next;
                long waitStarted = System.nanoTime();
                try {
                    next = events.next();
                } catch (GatewayException e) {
                    record.upstreamNanos(System.nanoTime() - waitStarted);
                    record.error = "stream failed: " + e.getMessage();
                    dispatcher.streamFailed(dispatched.provider().name(), e);
                    sink.write(errors.streamError(e, WireFormat.OPENAI_CHAT).encode());
                    break;
                }
                record.upstreamNanos(System.nanoTime() - waitStarted);
                if (next.isEmpty()) {
                    sink.write("data: [DONE]\n\n");
                    break;
                }
                SseEvent event = next.get();
                String data = event.data();
                if (data.equals("[DONE]")) {
                    continue;
                }
                if (data.indexOf("\"usage\"") >= 0) {
                    ChunkUsage chunk = usageOf(data, callerWantsUsage);
                    usage = chunk.usage().totalTokens() > 0 ? chunk.usage() : usage;
                    if (chunk.forward().isEmpty()) {
                        continue;
                    }
                    data = chunk.forward().get();
                }
                sink.write(SseEvent.data(data).encode());
                if (first) {
                    record.firstByteNanos = record.elapsedNanos();
                    first = false;
                }
            }
        } finally {
            recordUsage(record, dispatched, usage);
        }
    }

    /** @param forward the chunk to send the client (without usage if it did not ask), or empty to drop it */
    private record ChunkUsage(Usage usage, Optional<String> forward) {
    }

    private ChunkUsage usageOf(String data, boolean callerWantsUsage) {
        JsonNode chunk;
        try {
            chunk = json.readTree(data);
        } catch (IOException e) {
            return new ChunkUsage(Usage.NONE, Optional.of(data));
        }
        if (!chunk.isObject()) {
            return new ChunkUsage(Usage.NONE, Optional.of(data));
        }
        Usage usage = OpenAiUsage.from(chunk);
        if (callerWantsUsage) {
            return new ChunkUsage(usage, Optional.of(data));
        }
        ObjectNode stripped = ((ObjectNode) chunk).deepCopy();
        stripped.remove("usage");
        if (stripped.path("choices").isArray() && stripped.path("choices").isEmpty()) {
            return new ChunkUsage(usage, Optional.empty());
        }
        try {
            return new ChunkUsage(usage, Optional.of(json.writeValueAsString(stripped)));
        } catch (IOException e) {
            return new ChunkUsage(usage, Optional.of(data));
        }
    }

    private void recordUsage(AccessRecord record, Dispatcher.Dispatched dispatched, Usage usage) {
        record.usage = usage;
        String model = registry.metricModel(dispatched.model());
        if (usage.inputTokens() > 0) {
            metrics.tokens.inc(usage.inputTokens(), dispatched.provider().name(), model, "input");
        }
        if (usage.outputTokens() > 0) {
            metrics.tokens.inc(usage.outputTokens(), dispatched.provider().name(), model, "output");
        }
        if (usage.cachedTokens() > 0) {
            metrics.tokens.inc(usage.cachedTokens(), dispatched.provider().name(), model, "cached");
        }
    }

    static Map<String, String> responseHeaders(RequestCall call, Dispatcher.Dispatched dispatched, Map<String, String> upstreamHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(upstreamHeaders);
        headers.put("x-request-id", call.trace().requestId());
        headers.put("traceparent", call.trace().traceparent());
        headers.put("x-gateway-provider", dispatched.provider().name());
        headers.put("x-gateway-model", dispatched.model());
        headers.put("x-gateway-attempts", Integer.toString(Math.max(1, call.record().attempts)));
        headers.put("x-gateway-overhead-ms", String.format(java.util.Locale.ROOT, "%.3f", call.record().overheadNanos() / 1e6));
        return headers;
    }

    static Map<String, String> forwardHeaders(RequestCall call) {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("traceparent", call.trace().traceparent());
        call.exchange().header("tracestate").ifPresent(value -> forward.put("tracestate", value));
        call.exchange().header("anthropic-version").ifPresent(value -> forward.put("anthropic-version", value));
        call.exchange().header("anthropic-beta").ifPresent(value -> forward.put("anthropic-beta", value));
        return forward;
    }

    static PolicyContext policyContext(RequestCall call) {
        return new PolicyContext(call.trace().traceId(), call.surface(), call.route(), call.identity().project(), Optional.empty(),
                Optional.empty(), call.identity().anonymous() ? Optional.empty() : Optional.of(call.identity().keyName()),
                call.identity().roles(), Optional.empty(), safeHeaders(call));
    }

    private static Map<String, String> safeHeaders(RequestCall call) {
        Map<String, String> headers = new LinkedHashMap<>(call.exchange().headers());
        for (String credential : List.of("authorization", "x-api-key", "cookie", "proxy-authorization")) {
            headers.remove(credential);
        }
        return headers;
    }
}
