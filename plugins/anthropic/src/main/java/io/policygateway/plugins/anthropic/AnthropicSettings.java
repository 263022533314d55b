package io.policygateway.plugins.anthropic;

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

/**
 * The anthropic provider's settings, bound once at start.
 *
 * @param baseUri the API root without {@code /v1} ({@code ANTHROPIC_BASE_URL} or {@code base_url})
 * @param apiKey the provider key; never logged
 * @param version the {@code anthropic-version} sent when the caller sent none
 * @param defaultMaxTokens {@code max_tokens} for translated OpenAI requests that set none (Anthropic requires it)
 * @param models configured models first, then the shipped catalogue
 */
record AnthropicSettings(URI baseUri, String apiKey, String version, int defaultMaxTokens, List<String> models) {
    static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    static final String DEFAULT_VERSION = "2023-06-01";
    static final String CATALOGUE = "/io/policygateway/plugins/anthropic/models.txt";

    AnthropicSettings {
        requireNonNull(baseUri, "baseUri is null");
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(version, "version is null");
        if (defaultMaxTokens < 1) {
            throw new IllegalArgumentException("defaultMaxTokens must be positive");
        }
        models = List.copyOf(models);
    }

    /** Reads the config section and the environment; empty when {@code ANTHROPIC_API_KEY} is not set. */
    static Optional<AnthropicSettings> load(PluginConfig config, PluginContext context) {
        config.requireOnly("base_url", "models", "anthropic_version", "default_max_tokens");
        Optional<String> apiKey = context.env("ANTHROPIC_API_KEY").filter(key -> !key.isBlank());
        String baseUrl = config.string("base_url", context.env("ANTHROPIC_BASE_URL").filter(url -> !url.isBlank()).orElse(DEFAULT_BASE_URL));
        URI baseUri = rootUri(baseUrl, config);
        long maxTokens = config.number("default_max_tokens", 4096);
        if (maxTokens < 1 || maxTokens > Integer.MAX_VALUE) {
            throw config.error("default_max_tokens", "expected a positive whole number, got " + maxTokens);
        }
        Set<String> models = new LinkedHashSet<>(config.strings("models"));
        models.addAll(catalogue());
        return apiKey.map(key -> new AnthropicSettings(baseUri, key, config.string("anthropic_version", DEFAULT_VERSION),
                (int) maxTokens, List.copyOf(models)));
    }

    /** The root URI: trailing slashes and a trailing {@code /v1} are removed, so both spellings work. */
    static URI rootUri(String baseUrl, PluginConfig config) {
        String trimmed = baseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.endsWith("/v1")) {
            trimmed = trimmed.substring(0, trimmed.length() - 3);
        }
        try {
            URI uri = URI.create(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw config.error("base_url", "expected an http(s) URL, got '" + baseUrl + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw config.error("base_url", "expected an http(s) URL, got '" + baseUrl + "'");
        }
    }

    private static List<String> catalogue() {
        try (InputStream in = AnthropicSettings.class.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("the plugin JAR lacks " + CATALOGUE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
