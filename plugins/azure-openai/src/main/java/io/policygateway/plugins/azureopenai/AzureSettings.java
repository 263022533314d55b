package io.policygateway.plugins.azureopenai;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Azure OpenAI provider's settings, bound once at start.
 *
 * @param endpoint the resource endpoint, e.g. {@code https://my-resource.openai.azure.com}
 * @param apiKey the resource key, sent as {@code api-key}; never logged
 * @param apiVersion the {@code api-version} query parameter
 * @param deployments model name → deployment name; a model without an entry uses its own name
 * @param models the models listed and routed by name (configured models and mapped model names)
 */
record AzureSettings(URI endpoint, String apiKey, String apiVersion, Map<String, String> deployments, List<String> models) {
    static final String DEFAULT_API_VERSION = "2024-10-21";
    static final Pattern DEPLOYMENT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    AzureSettings {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(apiVersion, "apiVersion is null");
        deployments = Map.copyOf(deployments);
        models = List.copyOf(models);
    }

    /** The settings, or the reason the provider stays disabled. */
    record Result(AzureSettings settings, String reason) {
    }

    static Result load(PluginConfig config, PluginContext context) {
        config.requireOnly("endpoint", "api_version", "deployments", "models");
        Optional<String> apiKey = context.env("AZURE_OPENAI_API_KEY").filter(key -> !key.isBlank());
        Optional<String> endpoint = Optional.ofNullable(config.string("endpoint", null))
                .or(() -> context.env("AZURE_OPENAI_ENDPOINT")).filter(value -> !value.isBlank());
        if (apiKey.isEmpty()) {
            return new Result(null, "AZURE_OPENAI_API_KEY is not set");
        }
        if (endpoint.isEmpty()) {
            return new Result(null, "AZURE_OPENAI_ENDPOINT is not set");
        }
        String apiVersion = config.string("api_version",
                context.env("AZURE_OPENAI_API_VERSION").filter(value -> !value.isBlank()).orElse(DEFAULT_API_VERSION));
        Map<String, String> deployments = new LinkedHashMap<>();
        PluginConfig section = config.section("deployments");
        section.node().fieldNames().forEachRemaining(model -> {
            String deployment = section.requireString(model);
            if (!DEPLOYMENT_NAME.matcher(deployment).matches()) {
                throw section.error(model, "expected a deployment name of letters, digits, '.', '_' or '-', got '" + deployment + "'");
            }
            deployments.put(model, deployment);
        });
        Set<String> models = new LinkedHashSet<>(config.strings("models"));
        models.addAll(deployments.keySet());
        URI uri = endpoint(endpoint.get(), config);
        return new Result(new AzureSettings(uri, apiKey.get(), apiVersion, deployments, List.copyOf(models)),
                "calling " + uri + " with api-version " + apiVersion);
    }

    private static URI endpoint(String value, PluginConfig config) {
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.endsWith("/openai")) {
            trimmed = trimmed.substring(0, trimmed.length() - "/openai".length());
        }
        try {
            URI uri = URI.create(trimmed);
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw config.error("endpoint", "expected the resource URL, e.g. https://my-resource.openai.azure.com, got '" + value + "'");
    }
}
