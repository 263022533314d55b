package io.policygateway.plugins.gemini;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gemini provider's settings, bound once at start.
 *
 * @param baseUri the API root without a version ({@code GEMINI_BASE_URL} or {@code base_url})
 * @param apiKey the key, sent as {@code x-goog-api-key}; never logged
 * @param apiVersion the version path segment, {@code v1beta} by default
 * @param models configured models first, then the shipped catalogue
 */
record GeminiSettings(URI baseUri, String apiKey, String apiVersion, List<String> models) {
    static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";
    static final String CATALOGUE = "/io/policygateway/plugins/gemini/models.txt";
    private static final Pattern VERSION = Pattern.compile("v[0-9][a-z0-9]*");

    GeminiSettings {
        requireNonNull(baseUri, "baseUri is null");
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(apiVersion, "apiVersion is null");
        models = List.copyOf(models);
    }

    static Optional<GeminiSettings> load(PluginConfig config, PluginContext context) {
        config.requireOnly("base_url", "api_version", "models");
        String baseUrl = config.string("base_url", context.env("GEMINI_BASE_URL").filter(url -> !url.isBlank()).orElse(DEFAULT_BASE_URL)).strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        URI baseUri;
        try {
            baseUri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw config.error("base_url", "expected an http(s) URL, got '" + baseUrl + "'");
        }
        if (baseUri.getHost() == null) {
            throw config.error("base_url", "expected an http(s) URL, got '" + baseUrl + "'");
        }
        String apiVersion = config.string("api_version", "v1beta");
        if (!VERSION.matcher(apiVersion).matches()) {
            throw config.error("api_version", "expected a version such as v1beta or v1, got '" + apiVersion + "'");
        }
        Set<String> models = new LinkedHashSet<>(config.strings("models"));
        models.addAll(catalogue());
        String version = apiVersion;
        return context.env("GEMINI_API_KEY").filter(key -> !key.isBlank())
                .map(key -> new GeminiSettings(baseUri, key, version, List.copyOf(models)));
    }

    private static List<String> catalogue() {
        try (InputStream in = GeminiSettings.class.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("the plugin JAR lacks " + CATALOGUE);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
