package io.policygateway.kernel.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of {@code routes:}: a strategy for a group of models.
 *
 * @param name the route's name in metrics and {@code /health}, default {@code route-<n>}
 * @param match which requests take this route
 * @param strategy the route's strategy section, same keys as the top-level {@code strategy:}
 */
public record RouteConfig(String name, Match match, ObjectNode strategy) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");

    public RouteConfig {
        if (name != null && !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name '" + name + "' must be letters, digits and . _ : / - (no spaces)");
        }
        if (match == null) {
            throw new IllegalArgumentException("match is required, e.g. match: { models: [\"gpt-4o*\"] }");
        }
        if (strategy == null) {
            throw new IllegalArgumentException("strategy is required (mode and targets)");
        }
    }

    /**
     * @param models model names this route serves, as requested or after alias resolution; {@code *}
     *     matches any run of characters ({@code gpt-4o*}, {@code *-mini})
     */
    public record Match(List<String> models) {
        public Match {
            if (models == null || models.isEmpty()) {
                throw new IllegalArgumentException("models is required: list the model names (or patterns with *) this route serves");
            }
            models = List.copyOf(models);
            for (String model : models) {
                if (model == null || model.isBlank()) {
                    throw new IllegalArgumentException("models must not contain empty names");
                }
            }
        }
    }
}
