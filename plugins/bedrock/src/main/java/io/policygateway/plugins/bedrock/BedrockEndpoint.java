package io.policygateway.plugins.bedrock;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PluginContext;
import io.policygateway.api.http.UpstreamErrors;
import io.policygateway.api.http.UpstreamRequest;
import io.policygateway.api.http.UpstreamResponse;
import io.policygateway.api.provider.ProviderRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Endpoint and auth: {@code POST {endpoint}/model/{modelId}/converse} or {@code /converse-stream},
 * signed with SigV4 for service {@code bedrock}. The model id is one URI-encoded path segment (so
 * {@code :} in {@code ...-v1:0} and {@code /} in ARNs travel safely). Error answers are mapped through
 * {@link UpstreamErrors}, which reads Bedrock's {@code x-amzn-ErrorType}. Thread-safe.
 */
final class BedrockEndpoint {
    private final String name;
    private final BedrockSettings settings;
    private final PluginContext context;
    private final SigV4Signer signer;

    BedrockEndpoint(String name, BedrockSettings settings, PluginContext context) {
        this.name = requireNonNull(name, "name is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.signer = new SigV4Signer("bedrock", settings.region());
    }

    URI uri(String modelId, boolean stream) {
        return URI.create(settings.endpoint() + "/model/" + SigV4Signer.uriEncode(modelId) + (stream ? "/converse-stream" : "/converse"));
    }

    /** Signs and sends a Converse body; returns a successful response (the caller closes it). */
    UpstreamResponse post(URI uri, ObjectNode body, ProviderRequest request) throws GatewayException {
        byte[] bytes;
        try {
            bytes = context.json().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCategory.INTERNAL, "could not serialise the request for " + name, e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", request.stream() ? "application/vnd.amazon.eventstream" : "application/json");
        headers.putAll(signer.sign("POST", uri, headers, bytes, settings.credentials(), context.clock().instant()).headers());
        UpstreamResponse response = context.http().send(new UpstreamRequest("POST", uri, headers, bytes,
                request.firstByteTimeout(), request.idleTimeout()));
        if (response.status() / 100 != 2) {
            try (response) {
                throw UpstreamErrors.fromResponse(name, response, context.json(), context.clock());
            }
        }
        return response;
    }

    ObjectNode readBody(UpstreamResponse response) throws GatewayException {
        try (response) {
            JsonNode body = context.json().readTree(response.readAll());
            if (body instanceof ObjectNode object) {
                return object;
            }
            throw new GatewayException(ErrorCategory.UPSTREAM, name + " answered with a body that is not a JSON object");
        } catch (IOException e) {
            throw new GatewayException(ErrorCategory.UPSTREAM, name + " answered with a body that is not JSON", e);
        }
    }
}
