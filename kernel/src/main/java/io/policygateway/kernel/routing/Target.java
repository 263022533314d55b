package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.routing.TargetView;
import io.policygateway.kernel.provider.ProviderHealth;
import io.policygateway.kernel.provider.ProviderRegistry;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One enabled target of a route and its live state: circuit breaker, rolling latency, health.
 * Thread-safe; shared by every request on the route.
 */
public final class Target {
    private final String id;
    private final TargetConfig config;
    private final Provider provider;
    private final boolean answersEveryModel;
    private final RetryPolicy retry;
    private final CircuitBreaker breaker;
    private final LatencyWindow latency;
    private final ProviderHealth health = new ProviderHealth();
    private final PriceCatalogue prices;

    /**
     * @param answersEveryModel the provider serves any model name (the local provider in local dev mode)
     */
    public Target(String id, TargetConfig config, Provider provider, boolean answersEveryModel, RetryPolicy retry, CircuitBreaker breaker,
            LatencyWindow latency, PriceCatalogue prices) {
        this.id = requireNonNull(id, "id is null");
        this.config = requireNonNull(config, "config is null");
        this.provider = requireNonNull(provider, "provider is null");
        this.answersEveryModel = answersEveryModel;
        this.retry = requireNonNull(retry, "retry is null");
        this.breaker = requireNonNull(breaker, "breaker is null");
        this.latency = requireNonNull(latency, "latency is null");
        this.prices = requireNonNull(prices, "prices is null");
    }

    public String id() {
        return id;
    }

    public TargetConfig config() {
        return config;
    }

    public Provider provider() {
        return provider;
    }

    public RetryPolicy retry() {
        return retry;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public LatencyWindow latency() {
        return latency;
    }

    /** Outcomes of this target's attempts, for {@code /health}. */
    public ProviderHealth health() {
        return health;
    }

    /** The model this target asks its provider for: its override, else the requested model. */
    public String model(String requested) {
        return config.model() != null ? config.model() : requested;
    }

    /**
     * Whether this target can take a request for {@code model} in {@code format}: its provider
     * accepts the format (or, for chat, the canonical chat format) and serves the model — a target
     * with a model override always serves its own model.
     */
    public boolean serves(String model, WireFormat format) {
        if (!ProviderRegistry.accepts(provider, format)) {
            return false;
        }
        return config.model() != null || answersEveryModel || provider.servesModel(model);
    }

    /** A snapshot for strategies and policies, for a request of {@code requestedModel}. */
    public TargetView view(String requestedModel) {
        String model = model(requestedModel);
        Optional<Price> price = prices.price(provider.name(), model);
        LatencyWindow.Median median = latency.median();
        return new TargetView(id, provider.name(), model, config.weight(), Optional.ofNullable(config.region()), config.labels(),
                price.map(found -> OptionalDouble.of(found.inputPerMillion())).orElse(OptionalDouble.empty()),
                price.map(found -> OptionalDouble.of(found.outputPerMillion())).orElse(OptionalDouble.empty()),
                median.millis(), median.samples(), breaker.state());
    }
}
