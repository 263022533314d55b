package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

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
import io.policygateway.kernel.policy.GuardrailChain;
import io.policygateway.kernel.policy.Outcome;
import io.policygateway.kernel.policy.PolicyEngine;
import io.policygateway.kernel.policy.PolicyEvaluation;
import io.policygateway.kernel.provider.ProviderRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/messages} and {@code POST /v1/responses}: chat in a caller format other than OpenAI
 * chat, served by any provider. When the provider speaks the caller's format, guardrails inspect a
 * lenient chat view ({@link ClientFormat#inspectionView}); if they change the request, it must be
 * fully translatable ({@link ClientFormat#toChat} refuses what it cannot carry) to go the translated way.
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
 * Errors are written in the caller's format; on {@code /policy} answers, stream events and errors carry the
 * policy metadata, as on {@code /policy/chat/completions}. After-response guardrails do not run on
 * native answers. The policy calls mirror {@link ChatEndpoint}'s and must stay in step with them.
 */
public final class TranslatedChatEndpoint implements Endpoint {
    private final ClientFormat format;
    private final ObjectMapper json;
    private final ProviderRegistry registry;
    private final Dispatcher dispatcher;
    private final ErrorResponses errors;
    private final GatewayMetrics metrics;
    private final PolicyEngine policies;
    private final long maxBodyBytes;
    private final NativeResponder nativeResponder;

    private TranslatedChatEndpoint(ClientFormat format, ObjectMapper json, ProviderRegistry registry, Dispatcher dispatcher,
            ErrorResponses errors, GatewayMetrics metrics, PolicyEngine policies, long maxBodyBytes) {
        this.format = requireNonNull(format, "format is null");
        this.json = requireNonNull(json, "json is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.policies = requireNonNull(policies, "policies is null");
        this.maxBodyBytes = maxBodyBytes;
        this.nativeResponder = new NativeResponder(format.wire(), json, dispatcher, errors, this::recordUsage);
    }

    /** {@code /v1/messages}: Anthropic Messages. */
    public static TranslatedChatEndpoint messages(ObjectMapper json, ProviderRegistry registry, Dispatcher dispatcher,
            ErrorResponses errors, GatewayMetrics metrics, PolicyEngine policies, long maxBodyBytes) {
        return new TranslatedChatEndpoint(new AnthropicClientFormat(errors), json, registry, dispatcher, errors, metrics, policies,
                maxBodyBytes);
    }

    /** {@code /v1/responses}: OpenAI Responses. */
    public static TranslatedChatEndpoint responses(ObjectMapper json, ProviderRegistry registry, Dispatcher dispatcher,
            ErrorResponses errors, GatewayMetrics metrics, PolicyEngine policies, long maxBodyBytes) {
        return new TranslatedChatEndpoint(new ResponsesClientFormat(), json, registry, dispatcher, errors, metrics, policies,
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
        PolicyContext context = evaluation.context();
        record.identity(context.project().orElse(null), context.user().orElse(null), context.target().orElse(null), record.keyName);
        call.onError(error -> {
            if (policySurface(call)) {
                error.set("policy", evaluation.metadata());
            }
        });
        ServedAnswer served = new ServedAnswer();
        try {
            ProviderRegistry.Resolution resolution = registry.resolve(model, format.wire());
            boolean nativeFormat = resolution.provider().formats().contains(format.wire());
            ObjectNode chat = nativeFormat ? format.inspectionView(clientBody) : format.toChat(clientBody);
            GuardrailChain.Before before = evaluation.beforeRequest(model, chat, resolution.provider().name());
            if (before.cachedResponse().isPresent()) {
                served.response = Optional.of(before.cachedResponse().get());
                respondCached(call, evaluation, before.cachedResponse().get(), clientBody, stream);
                return;
            }
            if (nativeFormat && before.body().equals(chat) && !(stream && evaluation.watchesStreams())) {
                nativeResponder.serve(call, evaluation, model, clientBody, stream, served);
            } else {
                if (nativeFormat) {
                    // Rewritten by a guardrail, the request now goes the translated way: refuse it rather
                    // than silently lose what only the native format carries.
                    format.toChat(clientBody);
                }
                ObjectNode upstreamBody = before.body();
                serveTranslated(call, evaluation, upstreamBody.path("model").asText(model), upstreamBody, clientBody, stream, served);
            }
        } catch (GatewayException e) {
            evaluation.failed(e);
            throw e;
        } finally {
            record.decision(evaluation.decision().wireName(), evaluation.reasonCode());
            evaluation.finish(new Outcome(served.provider, served.model, served.usage, evaluation.sentRequest(), served.response,
                    served.streamedText, record.status == 0 ? 500 : record.status));
        }
    }


    private void serveTranslated(RequestCall call, PolicyEvaluation evaluation, String model, ObjectNode chat, ObjectNode clientBody,
            boolean stream, ServedAnswer served) throws GatewayException, IOException {
        Dispatcher.Dispatched dispatched = dispatcher.dispatch(call, WireFormat.OPENAI_CHAT, model, chat, stream, evaluation.context(),
                ChatEndpoint.forwardHeaders(call), target -> evaluation.compliant(target.provider(), target.region()));
        served.provider = dispatched.provider().name();
        served.model = dispatched.model();
        switch (dispatched.response()) {
            case ProviderResponse.Complete complete -> {
                served.usage = OpenAiUsage.from(complete.body());
                recordUsage(call.record(), dispatched, served.usage);
                ObjectNode answer = evaluation.afterResponse(complete.body(), dispatched.provider().name(), dispatched.model(), served.usage,
                        call.record().upstreamNanos / 1_000_000);
                served.response = Optional.of(answer);
                ObjectNode translated = withPolicy(call, evaluation, format.fromChat(answer, clientBody));
                call.record().status = 200;
                call.exchange().respond(200, ChatEndpoint.responseHeaders(call, dispatched, complete.headers()), "application/json",
                        json.writeValueAsBytes(translated));
            }
            case ProviderResponse.Streaming streaming -> relayTranslated(call, evaluation, dispatched, streaming, clientBody, served);
        }
    }

    private void relayTranslated(RequestCall call, PolicyEvaluation evaluation, Dispatcher.Dispatched dispatched,
            ProviderResponse.Streaming streaming, ObjectNode clientBody, ServedAnswer served) throws IOException {
        AccessRecord record = call.record();
        StreamRelay relay = new StreamRelay(json, errors, true,
                evaluation.watchesStreams() ? Optional.of(evaluation.openStream()) : Optional.empty(),
                policySurface(call) ? Optional.of(evaluation::metadata) : Optional.empty());
        try (EventStream events = streaming.events()) {
            call.exchange().onClientGone(events::close);
            TranslatingStreamSink sink = new TranslatingStreamSink(json,
                    call.exchange().startStream(200, ChatEndpoint.responseHeaders(call, dispatched, streaming.headers())),
                    format.openStream(clientBody));
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
            served.usage = relay.usage();
            served.streamedText = relay.text();
            recordUsage(record, dispatched, relay.usage());
        }
    }

    /** A cache hit: the stored chat completion, translated whole or replayed as the caller's stream. */
    private void respondCached(RequestCall call, PolicyEvaluation evaluation, ObjectNode completion, ObjectNode clientBody, boolean stream)
            throws GatewayException, IOException {
        call.record().status = 200;
        call.record().provider = "cache";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-request-id", call.trace().requestId());
        headers.put("x-gateway-cache", "hit");
        if (!stream) {
            call.exchange().respond(200, headers, "application/json",
                    json.writeValueAsBytes(withPolicy(call, evaluation, format.fromChat(completion, clientBody))));
            return;
        }
        ClientFormat.StreamTranslator translator = format.openStream(clientBody);
        ClientExchange.StreamSink sink = call.exchange().startStream(200, headers);
        List<SseEvent> events = new ArrayList<>();
        for (ObjectNode chunk : CompletionChunks.of(json, completion)) {
            events.addAll(translator.onChunk(chunk));
        }
        events.addAll(translator.finish());
        for (SseEvent event : events) {
            sink.write(policySurface(call) ? NativeResponder.withPolicy(json, event, evaluation).encode() : event.encode());
        }
    }

    static boolean policySurface(RequestCall call) {
        return call.surface().equals("policy");
    }

    /** On {@code /policy}, answers carry the policy metadata. */
    static ObjectNode withPolicy(RequestCall call, PolicyEvaluation evaluation, ObjectNode answer) {
        if (!policySurface(call)) {
            return answer;
        }
        ObjectNode decorated = answer.deepCopy();
        decorated.set("policy", evaluation.metadata());
        return decorated;
    }



    void recordUsage(AccessRecord record, Dispatcher.Dispatched dispatched, Usage usage) {
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
}
