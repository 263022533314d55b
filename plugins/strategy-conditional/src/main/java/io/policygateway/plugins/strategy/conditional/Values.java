package io.policygateway.plugins.strategy.conditional;

import io.policygateway.api.PluginConfig;
import java.util.List;

/** Config values that may be written as one string or a list of strings. */
final class Values {
    private Values() {
    }

    static List<String> strings(PluginConfig config, String key) {
        var raw = config.raw(key);
        if (raw.isEmpty()) {
            return List.of();
        }
        if (raw.get().isValueNode()) {
            String value = raw.get().asText();
            if (value.isBlank()) {
                throw config.error(key, "must not be empty");
            }
            return List.of(value);
        }
        List<String> values = config.strings(key);
        for (String value : values) {
            if (value.isBlank()) {
                throw config.error(key, "must not contain empty values");
            }
        }
        return values;
    }
}
