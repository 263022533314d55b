package io.policygateway.plugins.bedrock;

import io.policygateway.api.PluginContext;
import io.policygateway.api.provider.ProviderFactory;
import org.pf4j.Extension;

/**
 * The {@code bedrock} provider type (Amazon Bedrock Runtime, Converse API): enabled when
 * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and a region are set.
 */
@Extension
public final class BedrockProviderFactory implements ProviderFactory {

    @Override
    public String id() {
        return "bedrock";
    }

    @Override
    public ProviderSetup setup(String name, ProviderConfig config, PluginContext context) {
        BedrockSettings.Result result = BedrockSettings.load(config.settings(), context);
        if (result.settings() == null) {
            return ProviderSetup.disabled(result.reason());
        }
        return ProviderSetup.enabled(new BedrockProvider(name, result.settings(), context), result.reason());
    }
}
