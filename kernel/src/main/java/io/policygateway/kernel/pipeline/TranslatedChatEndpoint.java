package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.EventStream;
import io.policygateway.api.provider.ProviderResponse;
import io.policygateway.kernel.policy.GuardrailChain;
import io.policygateway.kernel.policy.PolicyRuntime;
import io.policygateway.kernel.policy.Outcome;
import io.policygateway.kernel.policy.PolicyEvaluation;
import io.policygateway.kernel.provider.ProviderRegistry;
import io.policygateway.kernel.translate.WireUsage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/messages} and {@code POST /v1/responses}: chat in a caller format other than OpenAI
 * chat, served by any provider.
 *
 * <p>Stages: read body → parse → validate → strip gateway-only fields → resolve alias → translate to
 * canonical chat → policy before-request (on the chat form) → then one of two paths:
 * <ul>
 * <li><b>native</b> — the serving provider accepts the caller's format and the guardrails left the
 *     request unchanged (and no guardrail watches the stream): the caller's body goes upstream as it
 *     came, and the answer or stream comes back unchanged, so provider-specific fields survive;</li>
 * <li><b>translated</b> — the chat request goes to the provider; the chat answer passes the
 *     after-response guardrails and is translated back; a chat stream runs through the same
 *     {@link StreamRelay} as {@code /v1/chat/completions} (usage, stream guardrails) into a
 *     {@link TranslatingStreamSink}.</li>
 * </ul>
 * Errors are written in the caller's format. After-response guardrails do not run on native answers.
 * <p>For a provider that speaks the caller's format, guardrails inspect a lenient chat view
 * ({@link ClientFormat#inspectionView}) that leaves out native-only features instead of refusing them;
 * if the request must go the translated way after all, it has to be fully translatable.
 */
public final class TranslatedChatEndpoint implements Endpoint {
    private final ClientFormat format;
    private final ObjectMapper json;
    private final ProviderRegistry registry;
    private final Dispatcher dispatcher;
    private final ErrorResponses errors;
    private final PolicyRuntime policies;
    private final long maxBodyBytes;

    private TranslatedChatEndpoint(ClientFormat format, ObjectMapper json, ProviderRegistry registry, Dispatcher dispatcher,
            ErrorResponses errors, PolicyRuntime policies, long maxBodyBytes) {
        this.format = requireNonNull(format, "format is null");
        this.json = requireNonNull(json, "json is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.policies = requireNonNull(policies, "policies is null");
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code /v1/messages}: Anthropic Messages. */
    public static TranslatedChatEndpoint messages(ObjectMapper json, ProviderRegistry registry, Dispatcher dispatcher,
            ErrorResponses errors, PolicyRuntime policies, long maxBodyBytes) {
        return new TranslatedChatEndpoint(new AnthropicClientFormat(errors), json, registry, dispatcher, errors, policies,
                maxBodyBytes);
    }

    /** {@code /v1/responses}: OpenAI Responses. */
    public static TranslatedChatEndpoint responses(ObjectMapper json, ProviderRegistry registry, Dispatcher dispatcher,
            ErrorResponses errors, PolicyRuntime policies, long maxBodyBytes) {
        return new TranslatedChatEndpoint(new ResponsesClientFormat(), json, registry, dispatcher, errors, policies,
                maxBodyBytes);
    }

    @Override
    public WireFormat errorFormat() {
        return format.wire();
    }

    /** Anthropic clients send their key as {@code x-api-key}. */
    @Override
    public boolean acceptsApiKeyHeader() {
        return format.wire() == WireFormat.ANTHROPIC_MESSAGES;
    }

    @Override
    public void handle(RequestCall call) throws GatewayException, IOException {
        ObjectNode body = JsonBodies.parseObject(json, call.exchange().readBody(maxBodyBytes));
        format.validate(body);
        String requestedModel = body.get("model").asText();
        boolean stream = body.path("stream").asBoolean(false);
        AccessRecord record = call.record();
        record.requestedModel = requestedModel;
        record.stream = stream;

        String model = registry.resolveAlias(requestedModel);
        ObjectNode clientBody = JsonBodies.withoutGatewayFields(body);
        clientBody.put("model", model);
        PolicyEvaluation evaluation = policies.begin(call.trace().traceId(), call.surface(), call.route(), call.identity(),
                call.exchange().headers(), body, format.wire());
        record.identity(evaluation.context().project().orElse(null), evaluation.context().user().orElse(null),
                evaluation.context().target().orElse(null), record.keyName);
        Optional<java.util.function.Supplier<ObjectNode>> metadata = call.surface().equals("policy")
                ? Optional.of(evaluation::metadata) : Optional.empty();
        metadata.ifPresent(supplier -> call.onError(error -> error.set("policy", supplier.get())));
        Served served = new Served();
        try {
            boolean nativeFormat = registry.resolve(model, format.wire()).provider().formats().contains(format.wire());
            ObjectNode chat = nativeFormat ? format.inspectionView(clientBody) : format.toChat(clientBody);
            String expected = expectedProvider(model);
            GuardrailChain.Before before = evaluation.beforeRequest(model, chat, expected);
            if (before.cachedResponse().isPresent()) {
                respondCached(call, before.cachedResponse().get(), clientBody, stream, metadata);
                return;
            }
            if (nativeFormat && before.body().equals(chat) && !evaluation.inspectsResponses()) {
                serveNatively(call, model, clientBody, stream, evaluation, metadata, served);
            } else {
                if (nativeFormat) {
                    // The request now goes the translated way: refuse it rather than silently lose what
                    // only the native format carries (server tools, stored responses, ...).
                    format.toChat(clientBody);
                }
                serveTranslated(call, model, before.body(), clientBody, stream, evaluation, metadata, served);
            }
        } catch (GatewayException e) {
            record.status = e.status();
            evaluation.failed(e);
            throw e;
        } finally {
            record.decision(evaluation.decision().wireName(), evaluation.reasonCode());
            evaluation.finish(new Outcome(served.provider, served.model, record.usage, evaluation.sentRequest(), served.response,
                    served.streamedText, record.status == 0 ? 500 : record.status));
        }
    }

    /** What was served, for settling usage and audit. */
    private static final class Served {
        String provider = "";
        String model = "";
        Optional<ObjectNode> response = Optional.empty();
        String streamedText = "";
    }

    private String expectedProvider(String model) {
        try {
            return registry.resolve(model, format.wire()).provider().name();
        } catch (GatewayException e) {
            return "";
        }
    }

    private static java.util.function.Predicate<io.policygateway.api.routing.TargetView> compliance(PolicyEvaluation evaluation) {
        return target -> evaluation.compliant(target.provider(), target.region());
    }

    private ObjectNode withPolicy(ObjectNode body, Optional<java.util.function.Supplier<ObjectNode>> metadata) {
        if (metadata.isEmpty()) {
            return body;
        }
        ObjectNode copy = body.deepCopy();
        copy.set("policy", metadata.get().get());
        return copy;
    }

    private void serveNatively(RequestCall call, String model, ObjectNode clientBody, boolean stream, PolicyEvaluation evaluation,
            Optional<java.util.function.Supplier<ObjectNode>> metadata, Served served) throws GatewayException, IOException {
        Dispatcher.Dispatched dispatched = dispatcher.dispatch(call, format.wire(), model, clientBody, stream, evaluation.context(),
                ChatEndpoint.forwardHeaders(call), compliance(evaluation));
        served.provider = dispatched.provider().name();
        served.model = dispatched.model();
        switch (dispatched.response()) {
            case ProviderResponse.Complete complete -> {
                recordUsage(call.record(), WireUsage.ofBody(format.wire(), complete.body()).orElse(Usage.NONE));
                served.response = Optional.of(complete.body());
                call.record().status = 200;
                call.exchange().respond(200, ChatEndpoint.responseHeaders(call, dispatched, complete.headers()), "application/json",
                        json.writeValueAsBytes(withPolicy(complete.body(), metadata)));
            }
            case ProviderResponse.Streaming streaming -> relayNatively(call, dispatched, streaming, metadata);
        }
    }

    /** The provider's own events, unchanged; usage is read from them on the way. */
    private void relayNatively(RequestCall call, Dispatcher.Dispatched dispatched, ProviderResponse.Streaming streaming,
            Optional<java.util.function.Supplier<ObjectNode>> metadata) throws IOException {
        AccessRecord record = call.record();
        Usage usage = Usage.NONE;
        try (EventStream events = streaming.events()) {
            call.exchange().onClientGone(events::close);
            ClientExchange.StreamSink sink = call.exchange().startStream(200, ChatEndpoint.responseHeaders(call, dispatched, streaming.headers()));
            record.status = 200;
            while (true) {
                Optional<SseEvent> next;
                long waitStarted = System.nanoTime();
                try {
                    next = events.next();
                } catch (GatewayException e) {
                    record.upstreamNanos(System.nanoTime() - waitStarted);
                    record.error = "stream failed: " + e.getMessage();
                    dispatcher.streamFailed(dispatched.provider().name(), e);
                    sink.write(errors.streamError(e, format.wire()).encode());
                    break;
                }
                record.upstreamNanos(System.nanoTime() - waitStarted);
                if (next.isEmpty()) {
                    break;
                }
                SseEvent event = next.get();
                if (event.data().contains("\"usage\"")) {
                    usage = WireUsage.merge(usage, usageOf(event.data()));
                }
                sink.write(TranslatingStreamSink.withPolicy(json, event, metadata).encode());
                if (record.firstByteNanos < 0) {
                    record.firstByteNanos = record.elapsedNanos();
                }
            }
        } finally {
            recordUsage(record, usage);
        }
    }

    private void serveTranslated(RequestCall call, String model, ObjectNode chat, ObjectNode clientBody, boolean stream,
            PolicyEvaluation evaluation, Optional<java.util.function.Supplier<ObjectNode>> metadata, Served served)
            throws GatewayException, IOException {
        Dispatcher.Dispatched dispatched = dispatcher.dispatch(call, WireFormat.OPENAI_CHAT, chat.path("model").asText(model), chat, stream,
                evaluation.context(), ChatEndpoint.forwardHeaders(call), compliance(evaluation));
        served.provider = dispatched.provider().name();
        served.model = dispatched.model();
        switch (dispatched.response()) {
            case ProviderResponse.Complete complete -> {
                Usage usage = OpenAiUsage.from(complete.body());
                recordUsage(call.record(), usage);
                ObjectNode answer = evaluation.afterResponse(complete.body(), dispatched.provider().name(), dispatched.model(), usage,
                        call.record().upstreamNanos / 1_000_000);
                served.response = Optional.of(answer);
                ObjectNode translated = format.fromChat(answer, clientBody);
                call.record().status = 200;
                call.exchange().respond(200, ChatEndpoint.responseHeaders(call, dispatched, complete.headers()), "application/json",
                        json.writeValueAsBytes(withPolicy(translated, metadata)));
            }
            case ProviderResponse.Streaming streaming -> relayTranslated(call, evaluation, dispatched, streaming, clientBody, metadata, served);
        }
    }

    private void relayTranslated(RequestCall call, PolicyEvaluation evaluation, Dispatcher.Dispatched dispatched,
            ProviderResponse.Streaming streaming, ObjectNode clientBody, Optional<java.util.function.Supplier<ObjectNode>> metadata,
            Served served) throws IOException {
        AccessRecord record = call.record();
        StreamRelay relay = new StreamRelay(json, errors, true,
                evaluation.watchesStreams() ? Optional.of(evaluation.openStream()) : Optional.empty(), Optional.empty());
        try (EventStream events = streaming.events()) {
            call.exchange().onClientGone(events::close);
            TranslatingStreamSink sink = new TranslatingStreamSink(json,
                    call.exchange().startStream(200, ChatEndpoint.responseHeaders(call, dispatched, streaming.headers())),
                    format.openStream(clientBody), metadata);
            record.status = 200;
            GatewayException[] failure = new GatewayException[1];
            switch (relay.relay(events, sink, record, failure)) {
                case COMPLETE -> {
                }
                case UPSTREAM_FAILED -> {
                    record.error = "stream failed: " + failure[0].getMessage();
                    dispatcher.streamFailed(dispatched.provider().name(), failure[0]);
                    evaluation.failed(failure[0]);
                    sink.fail(failure[0]);
                }
                case BLOCKED -> {
                    record.error = "stream blocked: " + failure[0].getMessage();
                    sink.fail(failure[0]);
                }
            }
        } finally {
            served.streamedText = relay.text();
            recordUsage(record, relay.usage());
        }
    }

    /** A cache hit: the stored chat completion, translated whole or replayed as the caller's stream. */
    private void respondCached(RequestCall call, ObjectNode completion, ObjectNode clientBody, boolean stream,
            Optional<java.util.function.Supplier<ObjectNode>> metadata) throws GatewayException, IOException {
        call.record().status = 200;
        call.record().provider = "cache";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-request-id", call.trace().requestId());
        headers.put("x-gateway-cache", "hit");
        if (!stream) {
            call.exchange().respond(200, headers, "application/json", json.writeValueAsBytes(withPolicy(format.fromChat(completion, clientBody), metadata)));
            return;
        }
        ClientFormat.StreamTranslator translator = format.openStream(clientBody);
        ClientExchange.StreamSink sink = call.exchange().startStream(200, headers);
        for (ObjectNode chunk : CompletionChunks.of(json, completion)) {
            for (SseEvent event : translator.onChunk(chunk)) {
                sink.write(TranslatingStreamSink.withPolicy(json, event, metadata).encode());
            }
        }
        for (SseEvent event : translator.finish()) {
            sink.write(TranslatingStreamSink.withPolicy(json, event, metadata).encode());
        }
    }

    private Usage usageOf(String data) {
        try {
            JsonNode event = json.readTree(data);
            return WireUsage.ofStreamEvent(format.wire(), event).orElse(Usage.NONE);
        } catch (IOException notJson) {
            return Usage.NONE;
        }
    }

    /** The usage goes to the access log line; tokens and cost metrics are counted from it when the request ends. */
    private static void recordUsage(AccessRecord record, Usage usage) {
        record.usage = usage;
    }
}
