package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderRequest;
import io.policygateway.api.provider.ProviderResponse;
import io.policygateway.api.routing.TargetView;
import io.policygateway.kernel.config.UpstreamConfig;
import io.policygateway.kernel.metrics.GatewayMetrics;
import io.policygateway.kernel.provider.ProviderRegistry;
import io.policygateway.kernel.routing.Price;
import io.policygateway.kernel.routing.PriceCatalogue;
import io.policygateway.kernel.routing.Route;
import io.policygateway.kernel.routing.RouteTable;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The gateway→provider step. A model that a configured route takes is served by that route's
 * strategy, retries, fallbacks and circuit breakers (see {@link RoutedDispatch}); any other model
 * goes to the provider that serves it, in one attempt. Records upstream time, attempts and provider
 * health either way. Thread-safe; called on request threads.
 */
public final class Dispatcher {
    private static final Predicate<TargetView> ANY_TARGET = target -> true;

    private final ProviderRegistry registry;
    private final RouteTable routes;
    private final UpstreamConfig upstream;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final Pause pause;

    /** Waits before a retry; tests may substitute one that records the waits. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration delay) throws InterruptedException;
    }

    /** Without routing config: every model goes to the provider that serves it. */
    public Dispatcher(ProviderRegistry registry, UpstreamConfig upstream, GatewayMetrics metrics, Clock clock) {
        this(registry, RouteTable.none(PriceCatalogue.builtIn()), upstream, metrics, clock);
    }

    public Dispatcher(ProviderRegistry registry, RouteTable routes, UpstreamConfig upstream, GatewayMetrics metrics, Clock clock) {
        this(registry, routes, upstream, metrics, clock, delay -> Thread.sleep(delay));
    }

    public Dispatcher(ProviderRegistry registry, RouteTable routes, UpstreamConfig upstream, GatewayMetrics metrics, Clock clock,
            Pause pause) {
        this.registry = requireNonNull(registry, "registry is null");
        this.routes = requireNonNull(routes, "routes is null");
        this.upstream = requireNonNull(upstream, "upstream is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pause = requireNonNull(pause, "pause is null");
    }

    /** What was called and what it answered. */
    public record Dispatched(Provider provider, String model, ProviderResponse response) {
    }

    /**
     * Sends the request to the target(s) its route chooses, with no compliance rule.
     *
     * @see #dispatch(RequestCall, WireFormat, String, ObjectNode, boolean, PolicyContext, Map, Predicate)
     */
    public Dispatched dispatch(RequestCall call, WireFormat format, String model, ObjectNode body, boolean stream,
            PolicyContext context, Map<String, String> forwardHeaders) throws GatewayException {
        return dispatch(call, format, model, body, stream, context, forwardHeaders, ANY_TARGET);
    }

    /**
     * Sends the request to the target(s) its route chooses and returns the first answer. A stream
     * is returned only once its first event has arrived: a target that fails before that is
     * replaced transparently; a later failure is the caller's to report (and is counted against
     * the target's circuit breaker automatically).
     *
     * @param model the model after alias resolution
     * @param body the request in {@code format}, gateway-only fields removed
     * @param compliance which targets the request may use (e.g. data residency: allowed regions,
     *     denied providers); targets it refuses are never tried
     * @throws GatewayException {@code POLICY_VIOLATION} with code {@code DATA_RESIDENCY} when
     *     {@code compliance} refuses every target that serves the model; the upstream's error
     *     when a single attempt failed or the failure was the request's own fault; 502/503/504
     *     (429 when every attempt was rate limited) listing each attempt when every target failed
     */
    public Dispatched dispatch(RequestCall call, WireFormat format, String model, ObjectNode body, boolean stream,
            PolicyContext context, Map<String, String> forwardHeaders, Predicate<TargetView> compliance) throws GatewayException {
        requireNonNull(compliance, "compliance is null");
        String requestedModel = call.record().requestedModel.isEmpty() ? model : call.record().requestedModel;
        Optional<Route> route = routes.select(model, requestedModel);
        if (route.isPresent()) {
            return new RoutedDispatch(this, route.get(), call, format, model, requestedModel, body, stream, context, forwardHeaders)
                    .run(compliance);
        }
        return dispatchUnrouted(call, format, model, body, stream, context, forwardHeaders, compliance);
    }

    private Dispatched dispatchUnrouted(RequestCall call, WireFormat format, String model, ObjectNode body, boolean stream,
            PolicyContext context, Map<String, String> forwardHeaders, Predicate<TargetView> compliance) throws GatewayException {
        ProviderRegistry.Resolution resolution = registry.resolve(model, format);
        Provider provider = resolution.provider();
        if (compliance != ANY_TARGET && !compliance.test(unroutedView(provider, resolution.model()))) {
            throw GatewayException.policy("DATA_RESIDENCY", "No target for this model satisfies the data-residency policy (denied provider, or a region that is not allowed or not known).");
        }
        AccessRecord record = call.record();
        record.provider = provider.name();
        record.model = resolution.model();
        record.metricModel = registry.metricModel(resolution.model());
        record.attempts++;
        ProviderRequest request = new ProviderRequest(format, resolution.model(), withModel(body, resolution.model()), stream, context,
                forwardHeaders, upstream.firstByte(), upstream.idle());
        long started = System.nanoTime();
        try {
            ProviderResponse response = provider.send(request);
            long elapsed = System.nanoTime() - started;
            record.upstreamNanos(elapsed);
            registry.health(provider.name()).success(clock.instant(), elapsed / 1_000_000);
            metrics.upstreamAttempts.inc(provider.name(), "success");
            return new Dispatched(provider, resolution.model(), response);
        } catch (GatewayException e) {
            record.upstreamNanos(System.nanoTime() - started);
            if (isTargetFailure(e)) {
                registry.health(provider.name()).failure(clock.instant(), e.getMessage());
            }
            metrics.upstreamAttempts.inc(provider.name(), "failure");
            throw e;
        } catch (RuntimeException e) {
            record.upstreamNanos(System.nanoTime() - started);
            GatewayException failure = pluginFailure(provider, e);
            registry.health(provider.name()).failure(clock.instant(), failure.getMessage());
            metrics.upstreamAttempts.inc(provider.name(), "failure");
            throw failure;
        }
    }

    private TargetView unroutedView(Provider provider, String model) {
        Optional<Price> price = routes.prices().price(provider.name(), model);
        return new TargetView(provider.name(), provider.name(), model, 1, Optional.empty(), Map.of(),
                price.map(found -> OptionalDouble.of(found.inputPerMillion())).orElse(OptionalDouble.empty()),
                price.map(found -> OptionalDouble.of(found.outputPerMillion())).orElse(OptionalDouble.empty()),
                OptionalDouble.empty(), 0, TargetView.BreakerState.CLOSED);
    }

    /** Marks a provider failed after its stream broke mid-way (the target's breaker already counted it). */
    public void streamFailed(String providerName, GatewayException error) {
        registry.provider(providerName).ifPresent(provider -> registry.health(providerName).failure(clock.instant(), error.getMessage()));
    }

    /** The routes this dispatcher serves, for {@code /health}. */
    public RouteTable routes() {
        return routes;
    }

    /** Whether a failure says something about the target (so another target may do better), not about the request. */
    static boolean isTargetFailure(GatewayException failure) {
        return failure.category().retryable() || failure.upstreamStatus() >= 500;
    }

    static GatewayException pluginFailure(Provider provider, RuntimeException e) {
        return new GatewayException(ErrorCategory.UPSTREAM, "Provider '" + provider.name() + "' failed while calling its upstream: "
                + e.getClass().getSimpleName(), e);
    }

    /** The body with {@code model} as its model (a copy only when it differs). */
    static ObjectNode withModel(ObjectNode body, String model) {
        if (!body.has("model") || model.equals(body.path("model").asText(null))) {
            return body;
        }
        ObjectNode copy = body.deepCopy();
        copy.put("model", model);
        return copy;
    }

    ProviderRegistry registry() {
        return registry;
    }

    UpstreamConfig upstream() {
        return upstream;
    }

    GatewayMetrics metrics() {
        return metrics;
    }

    Clock clock() {
        return clock;
    }

    Pause pause() {
        return pause;
    }
}
