package io.policygateway.kernel.config;

import java.util.Map;

/**
 * {@code models:} — model names.
 *
 * @param aliases short names resolved before routing, e.g. {@code cheap: gemini-1.5-flash}
 */
public record ModelsConfig(Map<String, String> aliases) {
    public ModelsConfig {
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
    }

    public static ModelsConfig defaults() {
        return new ModelsConfig(null);
    }
}
