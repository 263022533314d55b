package io.policygateway.api.provider;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Creates providers of one type (e.g. {@code openai}, {@code anthropic}). The kernel calls
 * {@link #setup} once per configured provider name at start, on the start thread. A type may be
 * instantiated several times under different names (e.g. two OpenAI-compatible hosts).
 */
public interface ProviderFactory extends ExtensionPoint {

    /** The provider type, as written in {@code providers.<name>.type}; the default name too. */
    String id();

    /**
     * Decides whether the provider is enabled (usually from environment variables and config) and
     * creates it if so.
     *
     * @param name the provider's configured name (equals {@link #id()} when not configured)
     * @param config the provider's section of the config, possibly empty
     * @return the provider or the reason it is disabled; the reason is logged at start
     */
    ProviderSetup setup(String name, ProviderConfig config, PluginContext context);

    /** What {@link #setup} decided. */
    record ProviderSetup(Provider provider, String reason) {
        public static ProviderSetup enabled(Provider provider, String reason) {
            return new ProviderSetup(java.util.Objects.requireNonNull(provider, "provider is null"), reason);
        }

        public static ProviderSetup disabled(String reason) {
            return new ProviderSetup(null, reason);
        }

        public boolean isEnabled() {
            return provider != null;
        }
    }

    /**
     * A provider's configuration: its own keys (in {@link #settings()}) and the models it is
     * configured to serve (empty to use its shipped catalogue).
     *
     * @param explicit whether the provider was named in the config (and not just discovered)
     * @param settings the provider's section without {@code type}
     */
    record ProviderConfig(boolean explicit, PluginConfig settings) {
    }
}
