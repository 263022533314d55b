package io.policygateway.plugins.openai;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.WireFormat;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where and how to call an OpenAI-compatible upstream: base URL, paths per format, auth headers. */
record OpenAiEndpoint(URI baseUrl, String apiKey, Optional<String> organization, Optional<String> project) {
    OpenAiEndpoint {
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(organization, "organization is null");
        requireNonNull(project, "project is null");
    }

    URI uri(WireFormat format) {
        String path = switch (format) {
            case OPENAI_CHAT -> "/chat/completions";
            case OPENAI_RESPONSES -> "/responses";
            case OPENAI_EMBEDDINGS -> "/embeddings";
            case OPENAI_IMAGES -> "/images/generations";
            case ANTHROPIC_MESSAGES -> throw new IllegalArgumentException("OpenAI does not speak " + format);
        };
        return URI.create(baseUrl + path);
    }

    Map<String, String> headers(boolean stream) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("authorization", "Bearer " + apiKey);
        headers.put("content-type", "application/json");
        headers.put("accept", stream ? "text/event-stream" : "application/json");
        organization.ifPresent(value -> headers.put("openai-organization", value));
        project.ifPresent(value -> headers.put("openai-project", value));
        return headers;
    }

    @Override
    public String toString() {
        return "OpenAiEndpoint[" + baseUrl + "]";
    }
}
