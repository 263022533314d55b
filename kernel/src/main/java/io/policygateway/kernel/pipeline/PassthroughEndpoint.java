package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.ProviderResponse;
import io.policygateway.kernel.provider.ProviderRegistry;
import java.io.IOException;

/**
 * Endpoints whose body goes to the provider in the caller's format and comes back whole:
 * {@code /v1/embeddings} and {@code /v1/images/generations}.
 */
public final class PassthroughEndpoint implements Endpoint {
    private final WireFormat format;
    private final ObjectMapper json;
    private final ProviderRegistry registry;
    private final Dispatcher dispatcher;
    private final long maxBodyBytes;

    public PassthroughEndpoint(WireFormat format, ObjectMapper json, ProviderRegistry registry, Dispatcher dispatcher, long maxBodyBytes) {
        this.format = requireNonNull(format, "format is null");
        this.json = requireNonNull(json, "json is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public WireFormat errorFormat() {
        return WireFormat.OPENAI_CHAT;
    }

    @Override
    public void handle(RequestCall call) throws GatewayException, IOException {
        ObjectNode clientBody = JsonBodies.parseObject(json, call.exchange().readBody(maxBodyBytes));
        String requestedModel = JsonBodies.requireString(clientBody, "model");
        if (format == WireFormat.OPENAI_EMBEDDINGS && (!clientBody.has("input") || clientBody.get("input").isNull())) {
            throw GatewayException.invalid("input", "'input' is required: a string or an array of strings.");
        }
        if (format == WireFormat.OPENAI_IMAGES && !clientBody.path("prompt").isTextual()) {
            throw GatewayException.invalid("prompt", "'prompt' is required and must be a string.");
        }
        call.record().requestedModel = requestedModel;
        ObjectNode upstreamBody = JsonBodies.withoutGatewayFields(clientBody);
        String model = registry.resolveAlias(requestedModel);
        upstreamBody.put("model", model);
        Dispatcher.Dispatched dispatched = dispatcher.dispatch(call, format, model, upstreamBody, false,
                ChatEndpoint.policyContext(call), ChatEndpoint.forwardHeaders(call));
        if (!(dispatched.response() instanceof ProviderResponse.Complete complete)) {
            throw new GatewayException(io.policygateway.api.ErrorCategory.UPSTREAM, "Provider '" + dispatched.provider().name()
                    + "' answered a non-streaming request with a stream.");
        }
        call.record().usage = OpenAiUsage.from(complete.body());
        call.record().status = 200;
        call.exchange().respond(200, ChatEndpoint.responseHeaders(call, dispatched, complete.headers()), "application/json",
                json.writeValueAsBytes(complete.body()));
    }
}
