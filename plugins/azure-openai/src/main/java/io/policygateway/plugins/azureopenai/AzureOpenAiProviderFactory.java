package io.policygateway.plugins.azureopenai;

import io.policygateway.api.PluginContext;
import io.policygateway.api.provider.ProviderFactory;
import org.pf4j.Extension;

/**
 * The {@code azure-openai} provider type: enabled when {@code AZURE_OPENAI_API_KEY} and
 * {@code AZURE_OPENAI_ENDPOINT} are set. Calls deployment-based URLs with an {@code api-version}.
 */
@Extension
public final class AzureOpenAiProviderFactory implements ProviderFactory {

    @Override
    public String id() {
        return "azure-openai";
    }

    @Override
    public ProviderSetup setup(String name, ProviderConfig config, PluginContext context) {
        AzureSettings.Result result = AzureSettings.load(config.settings(), context);
        if (result.settings() == null) {
            return ProviderSetup.disabled(result.reason());
        }
        return ProviderSetup.enabled(new AzureOpenAiProvider(name, result.settings(), context), result.reason());
    }
}
