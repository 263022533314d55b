package io.policygateway.plugins.openaicompatible;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.WireFormat;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One OpenAI-compatible host's settings, bound once at start.
 *
 * @param baseUri the API base including its version path, e.g. {@code http://localhost:11434/v1}
 * @param apiKey the bearer key read from the variable named by {@code api_key_env}, if any; never logged
 * @param models the models it serves (listed by {@code GET /v1/models})
 * @param anyModel whether every model name not served by an earlier provider routes here (default false: only the
 *     listed models, and any name with the {@code <name>/} prefix)
 * @param formats the OpenAI operations it offers
 * @param headers extra non-secret headers sent with every call (e.g. OpenRouter's {@code HTTP-Referer})
 */
record CompatibleSettings(URI baseUri, Optional<String> apiKey, List<String> models, boolean anyModel,
        Set<WireFormat> formats, Map<String, String> headers) {

    CompatibleSettings {
        requireNonNull(baseUri, "baseUri is null");
        requireNonNull(apiKey, "apiKey is null");
        models = List.copyOf(models);
        formats = Set.copyOf(formats);
        headers = Map.copyOf(headers);
    }

    /**
     * Binds the section. Returns the reason the host stays disabled when {@code api_key_env} names a
     * variable that is not set.
     *
     * @throws ConfigException naming the key when the section is wrong
     */
    static Result load(PluginConfig config, PluginContext context) {
        config.requireOnly("base_url", "api_key_env", "models", "any_model", "formats", "headers");
        String baseUrl = config.requireString("base_url").strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        URI baseUri;
        try {
            baseUri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw config.error("base_url", "expected an http(s) URL, got '" + baseUrl + "'");
        }
        if (baseUri.getHost() == null || !(baseUri.getScheme().equals("http") || baseUri.getScheme().equals("https"))) {
            throw config.error("base_url", "expected an http(s) URL, got '" + baseUrl + "'");
        }
        Optional<String> apiKey = Optional.empty();
        String keyVariable = config.string("api_key_env", null);
        if (keyVariable != null) {
            apiKey = context.env(keyVariable).filter(value -> !value.isBlank());
            if (apiKey.isEmpty()) {
                return new Result(null, keyVariable + " (named by api_key_env) is not set");
            }
        }
        List<String> models = config.strings("models");
        boolean anyModel = config.bool("any_model", false);
        Set<WireFormat> formats = formats(config);
        Map<String, String> headers = new LinkedHashMap<>();
        PluginConfig headerSection = config.section("headers");
        headerSection.node().fieldNames().forEachRemaining(name -> {
            if (name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("api-key")) {
                throw headerSection.error(name, "credentials go in the variable named by api_key_env, not in headers");
            }
            headers.put(name, headerSection.requireString(name));
        });
        return new Result(new CompatibleSettings(baseUri, apiKey, models, anyModel, formats, headers),
                "calling " + baseUri + (apiKey.isPresent() ? " with the key from " + keyVariable : " without a key"));
    }

    private static Set<WireFormat> formats(PluginConfig config) {
        List<String> names = config.strings("formats");
        if (names.isEmpty()) {
            return EnumSet.of(WireFormat.OPENAI_CHAT, WireFormat.OPENAI_EMBEDDINGS);
        }
        Set<WireFormat> formats = EnumSet.noneOf(WireFormat.class);
        for (int i = 0; i < names.size(); i++) {
            formats.add(switch (names.get(i)) {
                case "chat" -> WireFormat.OPENAI_CHAT;
                case "embeddings" -> WireFormat.OPENAI_EMBEDDINGS;
                case "images" -> WireFormat.OPENAI_IMAGES;
                default -> throw config.error("formats[" + i + "]", "expected chat, embeddings or images, got '" + names.get(i) + "'");
            });
        }
        if (!formats.contains(WireFormat.OPENAI_CHAT)) {
            throw config.error("formats", "must include chat");
        }
        return formats;
    }

    /** The settings, or why the host is disabled. */
    record Result(CompatibleSettings settings, String reason) {
    }
}
