package io.policygateway.plugins.openaicompatible;

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

/**
 * Endpoint and auth for one host: {@code POST {base_url}{path}} with {@code Authorization: Bearer} when
 * a key is configured, plus the configured extra headers. Error answers are mapped through
 * {@link UpstreamErrors}. Thread-safe.
 */
final class OpenAiHttp {
    private static final List<String> PASSED_HEADERS = List.of("x-request-id", "x-ratelimit-limit-requests",
            "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests", "x-ratelimit-limit-tokens",
            "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens");

    private final String name;
    private final CompatibleSettings settings;
    private final PluginContext context;

    OpenAiHttp(String name, CompatibleSettings settings, PluginContext context) {
        this.name = requireNonNull(name, "name is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
    }

    /** Sends the body and returns a successful response (the caller closes it); errors are thrown mapped. */
    UpstreamResponse post(String path, ObjectNode body, ProviderRequest request) throws GatewayException {
        Map<String, String> headers = new LinkedHashMap<>(settings.headers());
        settings.apiKey().ifPresent(key -> headers.put("authorization", "Bearer " + key));
        headers.put("accept", request.stream() ? "text/event-stream" : "application/json");
        request.forwardHeaders().forEach((header, value) -> {
            if (header.equalsIgnoreCase("traceparent")) {
                headers.put("traceparent", value);
            }
        });
        byte[] bytes;
        try {
            bytes = context.json().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCategory.INTERNAL, "could not serialise the request for " + name, e);
        }
        UpstreamRequest upstream = UpstreamRequest.postJson(URI.create(settings.baseUri() + path), headers, bytes)
                .withTimeouts(request.firstByteTimeout(), request.idleTimeout());
        UpstreamResponse response = context.http().send(upstream);
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

    Map<String, String> passedHeaders(UpstreamResponse response) {
        Map<String, String> passed = new LinkedHashMap<>();
        for (String header : PASSED_HEADERS) {
            response.header(header).ifPresent(value -> passed.put(header, value));
        }
        return passed;
    }
}
