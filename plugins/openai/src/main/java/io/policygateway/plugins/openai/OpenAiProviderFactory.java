package io.policygateway.plugins.openai;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.provider.ProviderFactory;
import java.net.URI;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The {@code openai} provider: enabled when {@code OPENAI_API_KEY} (or {@code providers.openai.api_key})
 * is set; talks to {@code OPENAI_BASE_URL} (including {@code /v1}), default {@code https://api.openai.com/v1}.
 */
@Extension
public final class OpenAiProviderFactory implements ProviderFactory {
    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    @Override
    public String id() {
        return "openai";
    }

    @Override
    public ProviderSetup setup(String name, ProviderConfig config, PluginContext context) {
        PluginConfig settings = config.settings().requireOnly("api_key", "base_url", "organization", "project", "models", "accept_any_model");
        Optional<String> key = Optional.ofNullable(settings.string("api_key", null)).filter(value -> !value.isBlank())
                .or(() -> context.env("OPENAI_API_KEY"));
        if (key.isEmpty()) {
            return ProviderSetup.disabled("OPENAI_API_KEY is not set");
        }
        String baseUrl = Optional.ofNullable(settings.string("base_url", null)).filter(value -> !value.isBlank())
                .or(() -> context.env("OPENAI_BASE_URL")).orElse(DEFAULT_BASE_URL);
        URI base;
        try {
            base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
            if (base.getScheme() == null || base.getHost() == null) {
                throw new IllegalArgumentException("not an absolute URL");
            }
        } catch (IllegalArgumentException e) {
            throw settings.error("base_url", "'" + baseUrl + "' is not an absolute http(s) URL (OPENAI_BASE_URL must include /v1)");
        }
        OpenAiEndpoint endpoint = new OpenAiEndpoint(base, key.get(), Optional.ofNullable(settings.string("organization", null)),
                Optional.ofNullable(settings.string("project", null)));
        OpenAiModels models = new OpenAiModels(settings.strings("models"), settings.bool("accept_any_model", false));
        return ProviderSetup.enabled(new OpenAiProvider(name, endpoint, models, context), "OPENAI_API_KEY is set; upstream " + base);
    }
}
