package io.policygateway.plugins.anthropic;

import io.policygateway.api.PluginContext;
import io.policygateway.api.provider.ProviderFactory;
import org.pf4j.Extension;

/**
 * The {@code anthropic} provider type: enabled when {@code ANTHROPIC_API_KEY} is set. Accepts Anthropic
 * Messages unchanged and translates OpenAI chat requests.
 */
@Extension
public final class AnthropicProviderFactory implements ProviderFactory {

    @Override
    public String id() {
        return "anthropic";
    }

    @Override
    public ProviderSetup setup(String name, ProviderConfig config, PluginContext context) {
        return AnthropicSettings.load(config.settings(), context)
                .map(settings -> ProviderSetup.enabled(new AnthropicProvider(name, settings, context),
                        "ANTHROPIC_API_KEY is set; calling " + settings.baseUri()))
                .orElseGet(() -> ProviderSetup.disabled("ANTHROPIC_API_KEY is not set"));
    }
}
