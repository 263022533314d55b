package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.kernel.config.ConfigLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routing sections of {@code gateway.yaml} — the top-level {@code strategy:} (the default
 * route) and {@code routes:} (named routes) — bound strictly, with errors naming file and path.
 *
 * @param defaultRoute the route for every model no named route matches, if configured
 * @param routes named routes, in match order
 */
public record RoutingConfig(Optional<Section> defaultRoute, List<Section> routes) {
    /** The name of the route built from the top-level {@code strategy:}. */
    public static final String DEFAULT_ROUTE = "default";

    public RoutingConfig {
        requireNonNull(defaultRoute, "defaultRoute is null");
        routes = List.copyOf(routes);
    }

    /**
     * One route's bound config.
     *
     * @param name the route's name
     * @param path where it is in the file, e.g. {@code routes[1].strategy}
     * @param models the model patterns it matches (empty for the default route: it takes the rest)
     * @param strategy the kernel's keys
     * @param pluginConfig the strategy plugin's keys
     */
    public record Section(String name, String path, List<String> models, StrategyConfig strategy, PluginConfig pluginConfig) {
        public Section {
            requireNonNull(name, "name is null");
            requireNonNull(path, "path is null");
            models = List.copyOf(models);
            requireNonNull(strategy, "strategy is null");
            requireNonNull(pluginConfig, "pluginConfig is null");
        }
    }

    /** No routing configured: every model goes to the provider that serves it, one attempt. */
    public static RoutingConfig none() {
        return new RoutingConfig(Optional.empty(), List.of());
    }

    /**
     * @param strategy the top-level {@code strategy:} section, or null
     * @param routes the top-level {@code routes:} section, or null
     * @param source the config file, for messages
     */
    public static RoutingConfig parse(JsonNode strategy, JsonNode routes, String source) {
        Optional<Section> defaultRoute = Optional.empty();
        if (strategy != null && !strategy.isNull()) {
            defaultRoute = Optional.of(section(DEFAULT_ROUTE, "strategy", List.of(), strategy, source));
        }
        List<Section> named = new ArrayList<>();
        if (routes != null && !routes.isNull()) {
            if (!routes.isArray()) {
                throw new ConfigException(source, "routes", "expected a list of routes (- match: … strategy: …)");
            }
            Set<String> names = new HashSet<>(Set.of(DEFAULT_ROUTE));
            for (int index = 0; index < routes.size(); index++) {
                String path = "routes[" + index + "]";
                RouteConfig route = ConfigLoader.bind(routes.get(index), RouteConfig.class, source, path);
                String name = route.name() == null ? "route-" + (index + 1) : route.name();
                if (!names.add(name)) {
                    throw new ConfigException(source, path + ".name", "'" + name + "' is already used by another route"
                            + (name.equals(DEFAULT_ROUTE) ? " (the top-level strategy is named 'default')" : ""));
                }
                named.add(section(name, path + ".strategy", route.match().models(), route.strategy(), source));
            }
        }
        return new RoutingConfig(defaultRoute, named);
    }

    private static Section section(String name, String path, List<String> models, JsonNode node, String source) {
        if (!node.isObject()) {
            throw new ConfigException(source, path, "expected a mapping (mode:, targets:, …)");
        }
        ObjectNode kernelKeys = ((ObjectNode) node).objectNode();
        ObjectNode pluginKeys = ((ObjectNode) node).objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            (StrategyConfig.KERNEL_KEYS.contains(field.getKey()) ? kernelKeys : pluginKeys).set(field.getKey(), field.getValue());
        }
        StrategyConfig strategy = ConfigLoader.bind(kernelKeys, StrategyConfig.class, source, path);
        return new Section(name, path, models, strategy, new PluginConfig(source, path, pluginKeys));
    }
}
