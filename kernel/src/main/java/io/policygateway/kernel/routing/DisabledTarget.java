package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

/**
 * A configured target whose provider is not enabled (e.g. its API key is not set): never tried,
 * shown in {@code /health} with the reason.
 */
public record DisabledTarget(String id, TargetConfig config, String reason) {
    public DisabledTarget {
        requireNonNull(id, "id is null");
        requireNonNull(config, "config is null");
        requireNonNull(reason, "reason is null");
    }
}
