package io.policygateway.kernel.config;

import java.util.List;

/**
 * {@code auth:} — who may call the gateway. With no keys configured the gateway runs in local
 * dev mode (no authentication on {@code /v1}) and says so at start.
 *
 * @param keys gateway API keys (hashed)
 * @param adminKeys keys for the admin endpoints (hashed)
 */
public record AuthConfig(List<KeyConfig> keys, List<KeyConfig> adminKeys) {
    public AuthConfig {
        keys = keys == null ? List.of() : List.copyOf(keys);
        adminKeys = adminKeys == null ? List.of() : List.copyOf(adminKeys);
    }

    public static AuthConfig defaults() {
        return new AuthConfig(null, null);
    }
}
