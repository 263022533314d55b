package io.policygateway.plugins.gemini;

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
import java.util.regex.Pattern;

/**
 * Endpoint and auth: {@code POST {base}/{version}/models/{model}:{method}} with {@code x-goog-api-key};
 * streams use {@code :streamGenerateContent?alt=sse}. Error answers are mapped through
 * {@link UpstreamErrors}, except that Gemini's "API key not valid" (a 400) is reported as the gateway's
 * credential problem, not the caller's. Thread-safe.
 */
final class GeminiEndpoint {
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._-]+");

    private final String name;
    private final GeminiSettings settings;
    private final PluginContext context;

    GeminiEndpoint(String name, GeminiSettings settings, PluginContext context) {
        this.name = requireNonNull(name, "name is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
    }

    /** {@code generateContent}, {@code streamGenerateContent} (as SSE) or {@code batchEmbedContents}. */
    URI uri(String model, String method) throws GatewayException {
        String id = model.startsWith("models/") ? model.substring("models/".length()) : model;
        if (!MODEL.matcher(id).matches()) {
            throw GatewayException.invalid("model", "model: '" + model + "' is not a Gemini model id");
        }
        String query = method.equals("streamGenerateContent") ? "?alt=sse" : "";
        return URI.create(settings.baseUri() + "/" + settings.apiVersion() + "/models/" + id + ":" + method + query);
    }

    /** Sends the body and returns a successful response (the caller closes it); errors are thrown mapped. */
    UpstreamResponse post(URI uri, ObjectNode body, ProviderRequest request) throws GatewayException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-goog-api-key", settings.apiKey());
        headers.put("accept", request.stream() ? "text/event-stream" : "application/json");
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
                GatewayException error = UpstreamErrors.fromResponse(name, response, context.json(), context.clock());
                if (error.category() == ErrorCategory.INVALID_REQUEST && error.getMessage().contains("API key")) {
                    throw new GatewayException(ErrorCategory.UPSTREAM, name + " refused the gateway's provider credentials (HTTP "
                            + error.upstreamStatus() + ", API key not valid); check GEMINI_API_KEY",
                            error.code().orElse(null), null, error.upstreamStatus(), null, null);
                }
                throw error;
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
