package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderRequest;
import io.policygateway.api.provider.ProviderResponse;
import io.policygateway.kernel.config.UpstreamConfig;
import io.policygateway.kernel.metrics.GatewayMetrics;
import io.policygateway.kernel.provider.ProviderRegistry;
import java.time.Clock;
import java.util.Map;

/**
 * The gateway→provider step: picks the provider for a model and makes the call, recording
 * upstream time, attempts and provider health.
 */
public final class Dispatcher {
    private final ProviderRegistry registry;
    private final UpstreamConfig upstream;
    private final GatewayMetrics metrics;
    private final Clock clock;

    public Dispatcher(ProviderRegistry registry, UpstreamConfig upstream, GatewayMetrics metrics, Clock clock) {
        this.registry = requireNonNull(registry, "registry is null");
        this.upstream = requireNonNull(upstream, "upstream is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What was called and what it answered. */
    public record Dispatched(Provider provider, String model, ProviderResponse response) {
    }

    /**
     * Like {@link #dispatch(RequestCall, WireFormat, String, ObjectNode, boolean, PolicyContext, Map)}, considering only
     * targets a data-residency policy allows ({@code compliant(provider, region)}).
     *
     * @throws GatewayException {@code POLICY_VIOLATION} with reason {@code DATA_RESIDENCY} when no compliant target is left
     */
    public Dispatched dispatch(RequestCall call, WireFormat format, String model, ObjectNode body, boolean stream,
            PolicyContext context, Map<String, String> forwardHeaders, java.util.function.BiPredicate<String, java.util.Optional<String>> compliant)
            throws GatewayException {
        ProviderRegistry.Resolution resolution = registry.resolve(model, format);
        if (!compliant.test(resolution.provider().name(), java.util.Optional.empty())) {
            throw GatewayException.policy("DATA_RESIDENCY", "No target for model '" + model + "' satisfies the data-residency policy (provider '"
                    + resolution.provider().name() + "' is not allowed or its region is not known to be allowed).");
        }
        return dispatch(call, format, model, body, stream, context, forwardHeaders);
    }

    /**
     * @param model the model after alias resolution
     * @param body the request in {@code format}, gateway-only fields removed
     */
    public Dispatched dispatch(RequestCall call, WireFormat format, String model, ObjectNode body, boolean stream,
            PolicyContext context, Map<String, String> forwardHeaders) throws GatewayException {
        ProviderRegistry.Resolution resolution = registry.resolve(model, format);
        Provider provider = resolution.provider();
        AccessRecord record = call.record();
        record.provider = provider.name();
        record.model = resolution.model();
        record.metricModel = registry.metricModel(resolution.model());
        record.attempts++;
        ObjectNode upstreamBody = body;
        if (!resolution.model().equals(body.path("model").asText(null)) && body.has("model")) {
            upstreamBody = body.deepCopy();
            upstreamBody.put("model", resolution.model());
        }
        ProviderRequest request = new ProviderRequest(format, resolution.model(), upstreamBody, stream, context,
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
            if (e.category().retryable() || e.upstreamStatus() >= 500) {
                registry.health(provider.name()).failure(clock.instant(), e.getMessage());
            }
            metrics.upstreamAttempts.inc(provider.name(), "failure");
            throw e;
        } catch (RuntimeException e) {
            record.upstreamNanos(System.nanoTime() - started);
            registry.health(provider.name()).failure(clock.instant(), "provider plugin failed: " + e);
            metrics.upstreamAttempts.inc(provider.name(), "failure");
            throw new GatewayException(io.policygateway.api.ErrorCategory.UPSTREAM, "Provider '" + provider.name()
                    + "' failed while calling its upstream: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Marks a provider failed after its stream broke mid-way. */
    public void streamFailed(String providerName, GatewayException error) {
        registry.provider(providerName).ifPresent(provider -> registry.health(providerName).failure(clock.instant(), error.getMessage()));
    }
}
