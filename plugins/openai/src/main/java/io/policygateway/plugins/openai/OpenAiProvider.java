package io.policygateway.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PluginContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.UpstreamClient;
import io.policygateway.api.http.UpstreamRequest;
import io.policygateway.api.http.UpstreamResponse;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderRequest;
import io.policygateway.api.provider.ProviderResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OpenAI-compatible upstream. Every OpenAI format passes through unchanged (the kernel already
 * removed gateway-only fields), so provider-specific parameters are never lost.
 */
final class OpenAiProvider implements Provider {
    private static final Set<WireFormat> FORMATS = Set.of(WireFormat.OPENAI_CHAT, WireFormat.OPENAI_RESPONSES,
            WireFormat.OPENAI_EMBEDDINGS, WireFormat.OPENAI_IMAGES);

    private final String name;
    private final OpenAiEndpoint endpoint;
    private final OpenAiModels models;
    private final UpstreamClient http;
    private final ObjectMapper json;

    OpenAiProvider(String name, OpenAiEndpoint endpoint, OpenAiModels models, PluginContext context) {
        this.name = name;
        this.endpoint = endpoint;
        this.models = models;
        this.http = context.http();
        this.json = context.json();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "openai";
    }

    @Override
    public Set<WireFormat> formats() {
        return FORMATS;
    }

    @Override
    public List<String> models() {
        return models.listed();
    }

    @Override
    public boolean servesModel(String model) {
        return models.serves(model);
    }

    @Override
    public ProviderResponse send(ProviderRequest request) throws GatewayException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(request.body());
        } catch (IOException e) {
            throw new GatewayException(ErrorCategory.INTERNAL, "request body could not be serialised", e);
        }
        UpstreamRequest upstreamRequest = new UpstreamRequest("POST", endpoint.uri(request.format()), headers(request), body,
                request.firstByteTimeout(), request.idleTimeout());
        UpstreamResponse response = http.send(upstreamRequest);
        boolean handedOver = false;
        try {
            int status = response.status();
            if (status < 200 || status >= 300) {
                throw OpenAiErrors.fromStatus(name, status, response.readAll(), response.header("retry-after"), json);
            }
            String contentType = response.header("content-type").orElse("");
            if (request.stream()) {
                if (!contentType.startsWith("text/event-stream")) {
                    throw new GatewayException(ErrorCategory.UPSTREAM, "Upstream " + name + " answered a stream request with '"
                            + contentType + "' instead of an event stream");
                }
                handedOver = true;
                return new ProviderResponse.Streaming(request.format(), new OpenAiEventStream(name, request.format(), response), Map.of());
            }
            return new ProviderResponse.Complete(request.format(), parse(response.readAll()), Map.of());
        } finally {
            if (!handedOver) {
                response.close();
            }
        }
    }

    private Map<String, String> headers(ProviderRequest request) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(endpoint.headers(request.stream()));
        String traceparent = request.forwardHeaders().get("traceparent");
        if (traceparent != null) {
            headers.put("traceparent", traceparent);
        }
        return headers;
    }

    private ObjectNode parse(byte[] body) throws GatewayException {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new GatewayException(ErrorCategory.UPSTREAM, "Upstream " + name + " returned a body that is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new GatewayException(ErrorCategory.UPSTREAM, "Upstream " + name + " returned JSON that is not an object");
        }
        return (ObjectNode) node;
    }
}
