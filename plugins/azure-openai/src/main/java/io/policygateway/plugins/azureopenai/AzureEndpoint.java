package io.policygateway.plugins.azureopenai;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PluginContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.UpstreamErrors;
import io.policygateway.api.http.UpstreamRequest;
import io.policygateway.api.http.UpstreamResponse;
import io.policygateway.api.provider.ProviderRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Endpoint and auth: {@code POST {endpoint}/openai/deployments/{deployment}/{operation}?api-version=…}
 * with the {@code api-key} header. Error answers are mapped through {@link UpstreamErrors}. Thread-safe.
 */
final class AzureEndpoint {
    private static final List<String> PASSED_HEADERS = List.of("apim-request-id", "x-request-id",
            "x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens");

    private final String name;
    private final AzureSettings settings;
    private final PluginContext context;

    AzureEndpoint(String name, AzureSettings settings, PluginContext context) {
        this.name = requireNonNull(name, "name is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
    }

    /** The deployment serving {@code model}: the configured one, else a deployment named like the model. */
    String deployment(String model) throws GatewayException {
        String deployment = settings.deployments().getOrDefault(model, model);
        if (!AzureSettings.DEPLOYMENT_NAME.matcher(deployment).matches()) {
            throw GatewayException.invalid("model", "provider '" + name + "' (azure-openai) has no deployment for model '"
                    + model + "'; map it under deployments:");
        }
        return deployment;
    }

    URI uri(WireFormat format, String deployment) {
        String operation = switch (format) {
            case OPENAI_CHAT -> "chat/completions";
            case OPENAI_EMBEDDINGS -> "embeddings";
            case OPENAI_IMAGES -> "images/generations";
            case ANTHROPIC_MESSAGES, OPENAI_RESPONSES -> throw new IllegalStateException(format + " is translated by the kernel");
        };
        return URI.create(settings.endpoint() + "/openai/deployments/" + deployment + "/" + operation + "?api-version="
                + URLEncoder.encode(settings.apiVersion(), StandardCharsets.UTF_8));
    }

    /** Sends the body and returns a successful response (the caller closes it); errors are thrown mapped. */
    UpstreamResponse post(URI uri, ObjectNode body, ProviderRequest request) throws GatewayException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("api-key", settings.apiKey());
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
        UpstreamResponse response = context.http().send(UpstreamRequest.postJson(uri, headers, bytes)
                .withTimeouts(request.firstByteTimeout(), request.idleTimeout()));
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
