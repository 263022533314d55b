package io.policygateway.plugins.anthropic;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Endpoint and auth: {@code POST {base}/v1/messages} with {@code x-api-key} and {@code anthropic-version}
 * (the caller's forwarded {@code anthropic-version} and {@code anthropic-beta} when present). Maps
 * error answers through {@link UpstreamErrors}. Thread-safe.
 */
final class AnthropicEndpoint {
    /** Upstream headers passed back to the caller. */
    private static final List<String> PASSED_HEADERS = List.of("request-id", "anthropic-ratelimit-requests-limit",
            "anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-requests-reset",
            "anthropic-ratelimit-tokens-limit", "anthropic-ratelimit-tokens-remaining", "anthropic-ratelimit-tokens-reset");

    private final String name;
    private final AnthropicSettings settings;
    private final PluginContext context;
    private final URI messagesUri;

    AnthropicEndpoint(String name, AnthropicSettings settings, PluginContext context) {
        this.name = requireNonNull(name, "name is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.messagesUri = URI.create(settings.baseUri() + "/v1/messages");
    }

    /**
     * Sends an Anthropic Messages body and returns the successful response with its headers arrived.
     * The caller owns (and must close) the response.
     */
    UpstreamResponse send(ObjectNode anthropicBody, ProviderRequest request) throws GatewayException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-api-key", settings.apiKey());
        headers.put("anthropic-version", forwarded(request, "anthropic-version").orElse(settings.version()));
        forwarded(request, "anthropic-beta").ifPresent(beta -> headers.put("anthropic-beta", beta));
        forwarded(request, "traceparent").ifPresent(trace -> headers.put("traceparent", trace));
        headers.put("accept", request.stream() ? "text/event-stream" : "application/json");
        UpstreamRequest upstream = UpstreamRequest.postJson(messagesUri, headers, serialise(anthropicBody))
                .withTimeouts(request.firstByteTimeout(), request.idleTimeout());
        UpstreamResponse response = context.http().send(upstream);
        if (response.status() / 100 != 2) {
            try (response) {
                throw UpstreamErrors.fromResponse(name, response, context.json(), context.clock());
            }
        }
        return response;
    }

    /** Reads a whole JSON answer. */
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

    Map<String, String> passedHeaders(UpstreamResponse response) {
        Map<String, String> passed = new LinkedHashMap<>();
        for (String header : PASSED_HEADERS) {
            response.header(header).ifPresent(value -> passed.put(header, value));
        }
        return passed;
    }

    String name() {
        return name;
    }

    private byte[] serialise(ObjectNode body) throws GatewayException {
        try {
            return context.json().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCategory.INTERNAL, "could not serialise the request for " + name, e);
        }
    }

    private static Optional<String> forwarded(ProviderRequest request, String header) {
        return request.forwardHeaders().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(header))
                .map(Map.Entry::getValue)
                .filter(value -> !value.isBlank())
                .findFirst();
    }
}
