package io.policygateway.plugins.local;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.provider.ProviderFactory;
import java.time.Duration;
import org.pf4j.Extension;

/**
 * The built-in {@code local} provider: always enabled, needs no key. The kernel routes every
 * model to it while it is the only provider (local dev mode); otherwise it serves {@code local-*}.
 */
@Extension
public final class LocalProviderFactory implements ProviderFactory {
    @Override
    public String id() {
        return "local";
    }

    @Override
    public ProviderSetup setup(String name, ProviderConfig config, PluginContext context) {
        PluginConfig settings = config.settings().requireOnly("stream_chunk_delay", "embedding_dimensions");
        Duration delay = settings.duration("stream_chunk_delay", Duration.ofMillis(10));
        int dimensions = (int) settings.number("embedding_dimensions", 64);
        if (dimensions < 1 || dimensions > 4096) {
            throw settings.error("embedding_dimensions", "must be between 1 and 4096");
        }
        return ProviderSetup.enabled(new LocalProvider(name, context.json(), delay, dimensions),
                "built in, no key needed; deterministic answers for local-* models");
    }
}
