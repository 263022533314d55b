package io.policygateway.plugins.gemini;

import io.policygateway.api.PluginContext;
import io.policygateway.api.provider.ProviderFactory;
import org.pf4j.Extension;

/** The {@code gemini} provider type (Google AI Gemini API): enabled when {@code GEMINI_API_KEY} is set. */
@Extension
public final class GeminiProviderFactory implements ProviderFactory {

    @Override
    public String id() {
        return "gemini";
    }

    @Override
    public ProviderSetup setup(String name, ProviderConfig config, PluginContext context) {
        return GeminiSettings.load(config.settings(), context)
                .map(settings -> ProviderSetup.enabled(new GeminiProvider(name, settings, context),
                        "GEMINI_API_KEY is set; calling " + settings.baseUri() + "/" + settings.apiVersion()))
                .orElseGet(() -> ProviderSetup.disabled("GEMINI_API_KEY is not set"));
    }
}
