package io.policygateway.plugins.openaicompatible;

import io.policygateway.api.PluginContext;
import io.policygateway.api.provider.ProviderFactory;
import org.pf4j.Extension;

/**
 * The {@code openai-compatible} provider type: any host speaking OpenAI's wire format (Ollama, vLLM,
 * Groq, Mistral, DeepSeek, Together, OpenRouter, …), configured by name under {@code providers:}.
 * Never enabled by environment variables alone: a host has no default address.
 */
@Extension
public final class OpenAiCompatibleProviderFactory implements ProviderFactory {

    @Override
    public String id() {
        return "openai-compatible";
    }

    @Override
    public ProviderSetup setup(String name, ProviderConfig config, PluginContext context) {
        if (!config.explicit()) {
            return ProviderSetup.disabled("not configured; add a host under providers: with type: openai-compatible and base_url");
        }
        CompatibleSettings.Result result = CompatibleSettings.load(config.settings(), context);
        if (result.settings() == null) {
            return ProviderSetup.disabled(result.reason());
        }
        return ProviderSetup.enabled(new OpenAiCompatibleProvider(name, result.settings(), context), result.reason());
    }
}
