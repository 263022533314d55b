package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginContext;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.RoutingStrategyFactory;
import io.policygateway.api.routing.TargetView;
import io.policygateway.kernel.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every configured route, built once at start: named routes (first match wins), then the default
 * route from the top-level {@code strategy:}. A model no route takes — everything, when routing is
 * not configured, and {@code provider/model} names — is served as without routing: by the provider
 * that serves it, in one attempt.
 */
public final class RouteTable {
    private static final Logger log = LoggerFactory.getLogger(RouteTable.class);

    private final List<Route> named;
    private final Optional<Route> defaultRoute;
    private final Set<String> providerNames;
    private final PriceCatalogue prices;

    private RouteTable(List<Route> named, Optional<Route> defaultRoute, Set<String> providerNames, PriceCatalogue prices) {
        this.named = List.copyOf(named);
        this.defaultRoute = requireNonNull(defaultRoute, "defaultRoute is null");
        this.providerNames = Set.copyOf(providerNames);
        this.prices = requireNonNull(prices, "prices is null");
    }

    /** No routes: every request goes to the provider that serves its model. */
    public static RouteTable none(PriceCatalogue prices) {
        return new RouteTable(List.of(), Optional.empty(), Set.of(), prices);
    }

    /**
     * Builds the routes of {@code config}.
     *
     * @param factories the loaded routing strategy plugins
     * @throws ConfigException naming the file and path of a bad key, an unknown provider or mode
     */
    public static RouteTable create(RoutingConfig config, ProviderRegistry registry, List<RoutingStrategyFactory> factories,
            PluginContext context, PriceCatalogue prices, String source) {
        Map<String, RoutingStrategyFactory> modes = new LinkedHashMap<>();
        factories.forEach(factory -> modes.put(factory.id(), factory));
        RoutingMetrics metrics = new RoutingMetrics(context.metrics());
        RouteBuilder builder = new RouteBuilder(registry, modes, context, prices, metrics, source);
        List<Route> named = new ArrayList<>();
        config.routes().forEach(section -> named.add(builder.build(section)));
        Optional<Route> defaultRoute = config.defaultRoute().map(builder::build);
        return new RouteTable(named, defaultRoute, registry.providers().keySet(), prices);
    }

    /**
     * The route for a request, or empty to serve it without routing.
     *
     * @param model the model after alias resolution
     * @param requestedModel the model as the caller wrote it
     */
    public Optional<Route> select(String model, String requestedModel) {
        for (Route route : named) {
            if (route.matches(model, requestedModel)) {
                return Optional.of(route);
            }
        }
        int slash = model.indexOf('/');
        if (slash > 0 && providerNames.contains(model.substring(0, slash))) {
            return Optional.empty();
        }
        return defaultRoute;
    }

    /** Every route: named ones in match order, then the default route. */
    public List<Route> routes() {
        List<Route> all = new ArrayList<>(named);
        defaultRoute.ifPresent(all::add);
        return List.copyOf(all);
    }

    public PriceCatalogue prices() {
        return prices;
    }

    /** Writes one line per route at start. */
    public void logSummary() {
        for (Route route : routes()) {
            log.info("Route {} ({}){}: targets {}", route.name(), route.mode(),
                    route.models().isEmpty() ? "" : " for models " + route.models(),
                    String.join(", ", route.targets().stream().map(Target::id).toList()));
            route.disabled().forEach(target -> log.warn("Route {}: target {} is not used: {}", route.name(), target.id(), target.reason()));
        }
    }

    /** Builds routes from their config; one per table. */
    private record RouteBuilder(ProviderRegistry registry, Map<String, RoutingStrategyFactory> modes, PluginContext context,
            PriceCatalogue prices, RoutingMetrics metrics, String source) {

        Route build(RoutingConfig.Section section) {
            StrategyConfig strategy = section.strategy();
            RoutingStrategyFactory factory = modes.get(strategy.mode());
            if (factory == null) {
                throw new ConfigException(source, section.path() + ".mode", "no routing strategy plugin '" + strategy.mode()
                        + "' is loaded (available: " + String.join(", ", new TreeSet<>(modes.keySet())) + ")");
            }
            List<Target> targets = new ArrayList<>();
            List<DisabledTarget> disabled = new ArrayList<>();
            List<TargetView> configured = new ArrayList<>();
            Map<String, Integer> occurrences = new HashMap<>();
            Set<String> ids = new java.util.HashSet<>();
            for (int index = 0; index < strategy.targets().size(); index++) {
                TargetConfig target = strategy.targets().get(index);
                String path = section.path() + ".targets[" + index + "]";
                int occurrence = occurrences.merge(target.provider(), 1, Integer::sum);
                String id = target.id() != null ? target.id() : occurrence == 1 ? target.provider() : target.provider() + "#" + occurrence;
                if (!ids.add(id)) {
                    throw new ConfigException(source, path + ".id", "'" + id + "' names another target of this route already");
                }
                configured.add(configuredView(id, target));
                Optional<Provider> provider = registry.provider(target.provider());
                if (provider.isEmpty()) {
                    String reason = registry.disabledReasons().get(target.provider());
                    if (reason == null) {
                        throw new ConfigException(source, path + ".provider", "no provider named '" + target.provider() + "' (enabled: "
                                + String.join(", ", new TreeSet<>(registry.providers().keySet())) + "; disabled: "
                                + String.join(", ", new TreeSet<>(registry.disabledReasons().keySet())) + ")");
                    }
                    disabled.add(new DisabledTarget(id, target, "provider " + target.provider() + " is disabled: " + reason));
                    continue;
                }
                targets.add(target(section.name(), id, target, strategy, provider.get()));
            }
            RoutingStrategy created;
            try {
                created = factory.create(section.pluginConfig(), context);
                created.validate(List.copyOf(configured));
            } catch (ConfigException e) {
                throw e;
            } catch (RuntimeException | LinkageError e) {
                throw new ConfigException(source, section.path() + ".mode", "routing strategy plugin '" + strategy.mode()
                        + "' failed to start: " + e);
            }
            return new Route(section.name(), strategy.mode(), section.models(), created, targets, disabled, metrics);
        }

        private Target target(String route, String id, TargetConfig target, StrategyConfig strategy, Provider provider) {
            RetryConfig retry = target.retry() != null ? target.retry() : strategy.retry();
            BreakerConfig breakerConfig = target.circuitBreaker() != null ? target.circuitBreaker() : strategy.circuitBreaker();
            CircuitBreaker breaker = new CircuitBreaker(breakerConfig, context.clock(), state -> {
                metrics.breaker(route, id, state);
                switch (state) {
                    case OPEN -> log.warn("Circuit breaker of target {} on route {} opened: skipping it for {} ms", id, route,
                            breakerConfig.cooldown().toMillis());
                    case HALF_OPEN -> log.info("Circuit breaker of target {} on route {} is half-open: the next request probes it", id, route);
                    case CLOSED -> log.info("Circuit breaker of target {} on route {} closed: the target answers again", id, route);
                }
            });
            metrics.breaker(route, id, TargetView.BreakerState.CLOSED);
            boolean answersEveryModel = provider.name().equals(ProviderRegistry.LOCAL) && registry.localDevMode();
            return new Target(id, target, provider, answersEveryModel, RetryPolicy.of(retry), breaker,
                    new LatencyWindow(strategy.latency(), context.clock()), prices);
        }

        private TargetView configuredView(String id, TargetConfig target) {
            return new TargetView(id, target.provider(), target.model() != null ? target.model() : "*", target.weight(),
                    Optional.ofNullable(target.region()), target.labels(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), 0, TargetView.BreakerState.CLOSED);
        }
    }
}
