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
import io.policygateway.kernel.policy.PolicyEvaluation;
import io.policygateway.kernel.translate.WireUsage;
import java.io.IOException;
import java.util.Optional;

/**
 * The native path of {@link TranslatedChatEndpoint}: the caller's body goes to a provider that speaks
 * the caller's format, and the answer or stream comes back unchanged (but for the policy metadata on
 * {@code /policy}); usage is read from the provider's own format. Thread-safe.
 */
final class NativeResponder {
    /** Counts a served answer's tokens in the access record and metrics. */
    interface UsageRecorder {
        void record(AccessRecord record, Dispatcher.Dispatched dispatched, Usage usage);
    }

    private final WireFormat format;
    private final ObjectMapper json;
    private final Dispatcher dispatcher;
    private final ErrorResponses errors;
    private final UsageRecorder usageRecorder;

    NativeResponder(WireFormat format, ObjectMapper json, Dispatcher dispatcher, ErrorResponses errors, UsageRecorder usageRecorder) {
        this.format = requireNonNull(format, "format is null");
        this.json = requireNonNull(json, "json is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.usageRecorder = requireNonNull(usageRecorder, "usageRecorder is null");
    }

    void serve(RequestCall call, PolicyEvaluation evaluation, String model, ObjectNode clientBody, boolean stream,
            ServedAnswer served) throws GatewayException, IOException {
        Dispatcher.Dispatched dispatched = dispatcher.dispatch(call, format, model, clientBody, stream, evaluation.context(),
                ChatEndpoint.forwardHeaders(call), target -> evaluation.compliant(target.provider(), target.region()));
        served.provider = dispatched.provider().name();
        served.model = dispatched.model();
        switch (dispatched.response()) {
            case ProviderResponse.Complete complete -> {
                served.usage = WireUsage.ofBody(format, complete.body()).orElse(Usage.NONE);
                usageRecorder.record(call.record(), dispatched, served.usage);
                ObjectNode answer = TranslatedChatEndpoint.withPolicy(call, evaluation, complete.body());
                call.record().status = 200;
                call.exchange().respond(200, ChatEndpoint.responseHeaders(call, dispatched, complete.headers()), "application/json",
                        json.writeValueAsBytes(answer));
            }
            case ProviderResponse.Streaming streaming -> relayNatively(call, evaluation, dispatched, streaming, served);
        }
    }

    /** The provider's own events, unchanged (but for the policy metadata on /policy); usage is read from them on the way. */
    private void relayNatively(RequestCall call, PolicyEvaluation evaluation, Dispatcher.Dispatched dispatched,
            ProviderResponse.Streaming streaming, ServedAnswer served) throws IOException {
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
                    evaluation.failed(e);
                    sink.write(errors.streamError(e, format).encode());
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
                sink.write(TranslatedChatEndpoint.policySurface(call) ? withPolicy(json, event, evaluation).encode() : event.encode());
                if (record.firstByteNanos < 0) {
                    record.firstByteNanos = record.elapsedNanos();
                }
            }
        } finally {
            served.usage = usage;
            usageRecorder.record(record, dispatched, usage);
        }
    }

    /** The event with the policy metadata in its data, for {@code /policy}. */
    static SseEvent withPolicy(ObjectMapper json, SseEvent event, PolicyEvaluation evaluation) {
        try {
            if (json.readTree(event.data()) instanceof ObjectNode data) {
                data.set("policy", evaluation.metadata());
                return new SseEvent(event.event(), data.toString());
            }
        } catch (IOException notJson) {
            // not a JSON event: sent as it came
        }
        return event;
    }

    private Usage usageOf(String data) {
        try {
            JsonNode event = json.readTree(data);
            return WireUsage.ofStreamEvent(format, event).orElse(Usage.NONE);
        } catch (IOException notJson) {
            return Usage.NONE;
        }
    }
}
