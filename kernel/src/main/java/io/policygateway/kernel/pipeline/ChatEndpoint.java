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
import io.policygateway.kernel.policy.GuardrailChain;
import io.policygateway.kernel.policy.Outcome;
import io.policygateway.kernel.policy.PolicyRuntime;
import io.policygateway.kernel.policy.PolicyEvaluation;
import io.policygateway.kernel.policy.RetryRequestedException;
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
 * {@code POST /v1/chat/completions} and {@code POST /policy/chat/completions}: the OpenAI Chat
 * Completions surface.
 *
 * <p>Stages, in order: read body → parse → validate → resolve alias → policy admission (project,
 * access, limits, quotas, transformations, guardrails, cache) → dispatch (provider call) → policy
 * after-request → respond whole, or relay the stream event by event through stream guardrails →
 * settle usage and emit the policy event. On {@code /policy} every body and SSE frame carries the
 * {@code policy} metadata object.
 *
 * <p>When a tool loop offers tools to the caller (MCP servers), the dispatch stage is the
 * {@link ToolLoopStage}: it adds the tools, runs the model's calls to them turn after turn, and
 * hands back the final answer as if one provider had given it, so every later stage applies to it.
 */
public final class ChatEndpoint implements Endpoint {
    private final ObjectMapper json;
    private final ProviderRegistry registry;
    private final Dispatcher dispatcher;
    private final ErrorResponses errors;
    private final PolicyRuntime policies;
    private final long maxBodyBytes;
    private final ToolLoopStage toolLoop;

    public ChatEndpoint(ObjectMapper json, ProviderRegistry registry, Dispatcher dispatcher, ErrorResponses errors,
            PolicyRuntime policies, long maxBodyBytes, ToolLoopStage toolLoop) {
        this.json = requireNonNull(json, "json is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.policies = requireNonNull(policies, "policies is null");
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

        String model = registry.resolveAlias(requestedModel);
        ObjectNode canonical = JsonBodies.withoutGatewayFields(clientBody);
        canonical.put("model", model);
        PolicyEvaluation evaluation = policies.begin(call.trace().traceId(), call.surface(), call.route(), call.identity(),
                call.exchange().headers(), clientBody, WireFormat.OPENAI_CHAT);
        PolicyContext context = evaluation.context();
        record.identity(context.project().orElse(null), context.user().orElse(null), context.target().orElse(null), record.keyName);
        call.onError(error -> attachMetadata(call, evaluation, error));
        Served served = new Served();
        try {
            GuardrailChain.Before before = evaluation.beforeRequest(model, canonical, expectedProvider(model));
            if (before.cachedResponse().isPresent()) {
                served.response = Optional.of(before.cachedResponse().get());
                respondCached(call, evaluation, before.cachedResponse().get(), stream);
                return;
            }
            ObjectNode upstreamBody = before.body();
            boolean callerWantsUsage = clientBody.path("stream_options").path("include_usage").asBoolean(false);
            if (stream && !callerWantsUsage) {
                upstreamBody = upstreamBody.deepCopy();
                upstreamBody.withObject("stream_options").put("include_usage", true);
            }
            String upstreamModel = upstreamBody.path("model").asText(model);
            Optional<ToolPlan> toolPlan = toolLoop.plan(upstreamBody, context);
            Dispatcher.Dispatched dispatched = toolPlan.isPresent()
                    ? dispatchToolLoop(call, evaluation, toolPlan.get(), upstreamModel, stream)
                    : dispatcher.dispatch(call, WireFormat.OPENAI_CHAT, upstreamModel, upstreamBody, stream, context, forwardHeaders(call),
                            target -> evaluation.compliant(target.provider(), target.region()));
            served.provider = dispatched.provider().name();
            served.model = dispatched.model();
            switch (dispatched.response()) {
                case ProviderResponse.Complete complete -> respondWhole(call, evaluation, dispatched, complete, served);
                case ProviderResponse.Streaming streaming -> relayStream(call, evaluation, dispatched, streaming, callerWantsUsage, served);
            }
        } catch (GatewayException e) {
            record.status = e.status();
            evaluation.failed(e);
            throw e;
        } finally {
            record.decision(evaluation.decision().wireName(), evaluation.reasonCode());
            evaluation.finish(new Outcome(served.provider, served.model, served.usage, evaluation.sentRequest(), served.response,
                    served.streamedText, record.status == 0 ? 500 : record.status));
        }
    }

    /**
     * The dispatch stage through the tool loop: every model turn is dispatched like a plain request;
     * the result is the final answer (or stream) with the provider and model of the last turn made.
     */
    private Dispatcher.Dispatched dispatchToolLoop(RequestCall call, PolicyEvaluation evaluation, ToolPlan plan, String model,
            boolean stream) throws GatewayException {
        Dispatcher.Dispatched[] last = new Dispatcher.Dispatched[1];
        ModelTurns turns = (body, streamTurn) -> {
            // Follow-up turns carry the model's tool arguments and the tools' results: they pass the
            // request guardrails (pii, secrets, …) like the caller's own content.
            ObjectNode guarded = last[0] == null ? body : evaluation.guardFollowUp(body);
            last[0] = dispatcher.dispatch(call, WireFormat.OPENAI_CHAT, model, guarded, streamTurn, evaluation.context(),
                    forwardHeaders(call), target -> evaluation.compliant(target.provider(), target.region()));
            return last[0].response();
        };
        ProviderResponse answer = stream ? toolLoop.stream(plan, turns) : toolLoop.whole(plan, turns);
        return new Dispatcher.Dispatched(last[0].provider(), last[0].model(), answer);
    }

    /** What was served, for settling usage and audit. */
    private static final class Served {
        String provider = "";
        String model = "";
        Usage usage = Usage.NONE;
        Optional<ObjectNode> response = Optional.empty();
        String streamedText = "";
    }

    private String expectedProvider(String model) {
        try {
            return registry.resolve(model, WireFormat.OPENAI_CHAT).provider().name();
        } catch (GatewayException e) {
            return "";
        }
    }

    private void respondWhole(RequestCall call, PolicyEvaluation evaluation, Dispatcher.Dispatched dispatched,
            ProviderResponse.Complete complete, Served served) throws GatewayException, IOException {
        Usage usage = OpenAiUsage.from(complete.body());
        served.usage = usage;
        recordUsage(call.record(), usage);
        ObjectNode answer;
        try {
            answer = evaluation.afterResponse(complete.body(), dispatched.provider().name(), dispatched.model(), usage,
                    call.record().upstreamNanos / 1_000_000);
        } catch (RetryRequestedException retry) {
            // A guardrail refused the answer but asked for one more try (schema-guard's on_failure: retry).
            ObjectNode again = evaluation.sentRequest().orElseThrow(() -> retry).deepCopy();
            again.remove("stream");
            again.remove("stream_options");
            String invalid = complete.body().at("/choices/0/message/content").asText("");
            again.withArray("messages").addObject().put("role", "assistant").put("content", invalid);
            again.withArray("messages").addObject().put("role", "user").put("content", retry.retryMessage());
            Dispatcher.Dispatched second = dispatcher.dispatch(call, WireFormat.OPENAI_CHAT, again.path("model").asText(dispatched.model()), again,
                    false, evaluation.context(), forwardHeaders(call), target -> evaluation.compliant(target.provider(), target.region()));
            if (!(second.response() instanceof ProviderResponse.Complete secondAnswer)) {
                throw retry;
            }
            Usage secondUsage = OpenAiUsage.from(secondAnswer.body());
            usage = usage.plus(secondUsage);
            served.usage = usage;
            recordUsage(call.record(), usage);
            dispatched = second;
            complete = secondAnswer;
            try {
                answer = evaluation.afterResponse(secondAnswer.body(), second.provider().name(), second.model(), secondUsage,
                        call.record().upstreamNanos / 1_000_000);
            } catch (RetryRequestedException stillRefused) {
                evaluation.blocked(stillRefused);
                throw stillRefused;
            }
        }
        served.response = Optional.of(answer);
        if (call.surface().equals("policy")) {
            answer = answer.deepCopy();
            answer.set("policy", evaluation.metadata());
        }
        call.record().status = 200;
        byte[] bytes = json.writeValueAsBytes(answer);
        call.exchange().respond(200, responseHeaders(call, dispatched, complete.headers()), "application/json", bytes);
    }

    private void relayStream(RequestCall call, PolicyEvaluation evaluation, Dispatcher.Dispatched dispatched,
            ProviderResponse.Streaming streaming, boolean callerWantsUsage, Served served) throws IOException {
        AccessRecord record = call.record();
        StreamRelay relay = new StreamRelay(json, errors, callerWantsUsage,
                evaluation.watchesStreams() ? Optional.of(evaluation.openStream()) : Optional.empty(),
                call.surface().equals("policy") ? Optional.of(evaluation::metadata) : Optional.empty());
        try (EventStream events = streaming.events()) {
            call.exchange().onClientGone(events::close);
            ClientExchange.StreamSink sink = call.exchange().startStream(200, responseHeaders(call, dispatched, streaming.headers()));
            record.status = 200;
            GatewayException[] failure = new GatewayException[1];
            StreamRelay.End end = relay.relay(events, sink, record, failure);
            switch (end) {
                case COMPLETE -> {
                }
                case UPSTREAM_FAILED -> {
                    record.error = "stream failed: " + failure[0].getMessage();
                    dispatcher.streamFailed(dispatched.provider().name(), failure[0]);
                    evaluation.failed(failure[0]);
                }
                case BLOCKED -> record.error = "stream blocked: " + failure[0].getMessage();
            }
        } finally {
            served.usage = relay.usage();
            served.streamedText = relay.text();
            recordUsage(record, relay.usage());
        }
    }

    /** A cache hit: the stored completion, whole or replayed as a stream. */
    private void respondCached(RequestCall call, PolicyEvaluation evaluation, ObjectNode completion, boolean stream) throws IOException {
        call.record().status = 200;
        call.record().provider = "cache";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-request-id", call.trace().requestId());
        headers.put("x-gateway-cache", "hit");
        boolean policySurface = call.surface().equals("policy");
        if (!stream) {
            ObjectNode answer = completion;
            if (policySurface) {
                answer = completion.deepCopy();
                answer.set("policy", evaluation.metadata());
            }
            call.exchange().respond(200, headers, "application/json", json.writeValueAsBytes(answer));
            return;
        }
        ClientExchange.StreamSink sink = call.exchange().startStream(200, headers);
        for (ObjectNode chunk : CompletionChunks.of(json, completion)) {
            if (policySurface) {
                chunk.set("policy", evaluation.metadata());
            }
            sink.write(SseEvent.data(chunk.toString()).encode());
        }
        sink.write("data: [DONE]\n\n");
    }

    /** On {@code /policy}, error bodies carry the policy metadata too. */
    private static void attachMetadata(RequestCall call, PolicyEvaluation evaluation, ObjectNode errorBody) {
        if (call.surface().equals("policy")) {
            errorBody.set("policy", evaluation.metadata());
        }
    }

    /** The usage goes to the access log line; tokens and cost metrics are counted from it when the request ends. */
    private static void recordUsage(AccessRecord record, Usage usage) {
        record.usage = usage;
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
        Map<String, String> headers = new LinkedHashMap<>(call.exchange().headers());
        for (String credential : List.of("authorization", "x-api-key", "cookie", "proxy-authorization")) {
            headers.remove(credential);
        }
        return new PolicyContext(call.trace().traceId(), call.surface(), call.route(), call.identity().project(), Optional.empty(),
                Optional.empty(), call.identity().anonymous() ? Optional.empty() : Optional.of(call.identity().keyName()),
                call.identity().roles(), Optional.empty(), headers);
    }
}
