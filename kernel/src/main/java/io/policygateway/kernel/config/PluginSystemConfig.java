package io.policygateway.kernel.config;

import java.util.List;

/**
 * {@code plugin_system:} — where plugin JARs are loaded from.
 *
 * @param directory the plugins folder, relative to the gateway home, default {@code plugins}
 * @param required plugin ids that must load, or the gateway refuses to start
 * @param disabled plugin ids not to load
 */
public record PluginSystemConfig(String directory, List<String> required, List<String> disabled) {
    public PluginSystemConfig {
        directory = directory == null ? "plugins" : directory;
        required = required == null ? List.of() : List.copyOf(required);
        disabled = disabled == null ? List.of() : List.copyOf(disabled);
    }

    public static PluginSystemConfig defaults() {
        return new PluginSystemConfig(null, null, null);
    }
}
