package io.policygateway.plugins.promptshield;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PluginConfig;
import java.util.Iterator;
import java.util.Map;

/**
 * Flattens the config of a policy rule: a rule passes {@code categories} and {@code action} at the
 * top level and its own settings either beside them or in a nested {@code config} mapping. A key
 * given in both places is refused, so no setting silently wins.
 */
final class RuleConfig {
    private RuleConfig() {
    }

    static PluginConfig flatten(PluginConfig config) {
        if (!config.has("config")) {
            return config;
        }
        PluginConfig nested = config.section("config");
        ObjectNode merged = config.node();
        merged.remove("config");
        Iterator<Map.Entry<String, JsonNode>> fields = nested.node().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (merged.has(field.getKey())) {
                throw nested.error(field.getKey(), "is also given outside 'config'; give it once");
            }
            merged.set(field.getKey(), field.getValue());
        }
        return new PluginConfig(config.source(), config.path(), merged);
    }
}
