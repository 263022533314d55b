package io.policygateway.kernel.provider;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderRequest;
import io.policygateway.api.provider.ProviderResponse;
import io.policygateway.kernel.config.HealthConfig;
import io.policygateway.kernel.metrics.GatewayMetrics;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional active health probe ({@code health.probe_interval}): every interval, each enabled
 * provider that can be probed is sent a one-token chat request ({@code max_tokens: 1}), all in
 * parallel, each bounded by {@code probe_timeout}; the outcome goes to the provider's
 * {@link ProviderHealth}. Probes bypass the request pipeline: no policy, quota or client-traffic
 * metric sees them. Runs on its own daemon thread from {@link #start} to {@link #close}.
 */
public final class HealthProbe implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthProbe.class);

    private final ProviderRegistry registry;
    private final HealthConfig config;
    private final GatewayMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, String> models;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("health-probe").factory());
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("health-probe-", 0).factory());

    private HealthProbe(ProviderRegistry registry, HealthConfig config, GatewayMetrics metrics, ObjectMapper json, Clock clock) {
        this.registry = requireNonNull(registry, "registry is null");
        this.config = requireNonNull(config, "config is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.json = requireNonNull(json, "json is null");
        this.clock = requireNonNull(clock, "clock is null");
        Map<String, String> chosen = new LinkedHashMap<>();
        registry.providers().forEach((name, provider) -> modelFor(provider, Optional.ofNullable(config.probeModel()))
                .ifPresentOrElse(model -> chosen.put(name, model),
                        () -> log.info("Provider {} is not probed: it lists no model and does not serve health.probe_model", name)));
        this.models = Map.copyOf(chosen);
    }

    /**
     * Probes first after one {@code probe_interval} (so a short-lived start such as {@code --check}
     * spends no tokens), then every interval; the caller must {@link #close()} it.
     */
    public static HealthProbe start(ProviderRegistry registry, HealthConfig config, GatewayMetrics metrics, ObjectMapper json, Clock clock) {
        if (!config.probing()) {
            throw new IllegalArgumentException("health.probe_interval is 0s: probing is off");
        }
        HealthProbe probe = new HealthProbe(registry, config, metrics, json, clock);
        long intervalMillis = config.probeInterval().toMillis();
        probe.schedule.scheduleWithFixedDelay(probe::probeAll, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        log.info("Health probe every {} ms: {}", intervalMillis, probe.models);
        return probe;
    }

    /**
     * The model a provider is probed with: {@code probe_model} when the provider serves it, else
     * the first model of the provider's catalogue, else none.
     */
    static Optional<String> modelFor(Provider provider, Optional<String> probeModel) {
        if (!provider.formats().contains(WireFormat.OPENAI_CHAT)) {
            return Optional.empty();
        }
        if (probeModel.isPresent() && provider.servesModel(probeModel.get())) {
            return probeModel;
        }
        return provider.models().stream().findFirst();
    }

    private void probeAll() {
        try {
            probeEach();
        } catch (RuntimeException e) {
            // a failed round must not end the schedule
            log.warn("Health probe round failed: {}", e.toString());
        }
    }

    private void probeEach() {
        Map<String, Future<ProbeResult>> running = new LinkedHashMap<>();
        models.forEach((name, model) -> registry.provider(name)
                .ifPresent(provider -> running.put(name, calls.submit(() -> probe(provider, model)))));
        long timeoutNanos = config.probeTimeout().toNanos();
        running.forEach((name, future) -> record(name, await(future, models.get(name), timeoutNanos)));
    }

    private ProbeResult probe(Provider provider, String model) {
        ObjectNode body = json.createObjectNode().put("model", model).put("max_tokens", 1);
        body.putArray("messages").addObject().put("role", "user").put("content", "ping");
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        ProviderRequest request = new ProviderRequest(WireFormat.OPENAI_CHAT, model, body, false, PolicyContext.anonymous(traceId),
                Map.of("traceparent", traceparent), config.probeTimeout(), config.probeTimeout());
        long started = System.nanoTime();
        try {
            ProviderResponse response = provider.send(request);
            if (response instanceof ProviderResponse.Streaming streaming) {
                streaming.events().close();
            }
            return new ProbeResult(clock.instant(), model, elapsedMillis(started), Optional.empty());
        } catch (GatewayException e) {
            return new ProbeResult(clock.instant(), model, elapsedMillis(started), Optional.of(e.getMessage()));
        } catch (RuntimeException e) {
            return new ProbeResult(clock.instant(), model, elapsedMillis(started), Optional.of("the provider failed: " + e.getClass().getSimpleName()));
        }
    }

    private ProbeResult await(Future<ProbeResult> future, String model, long timeoutNanos) {
        try {
            return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new ProbeResult(clock.instant(), model, config.probeTimeout().toMillis(),
                    Optional.of("no answer within " + config.probeTimeout().toMillis() + " ms"));
        } catch (ExecutionException e) {
            return new ProbeResult(clock.instant(), model, 0, Optional.of("the probe failed: " + e.getCause().getClass().getSimpleName()));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new ProbeResult(clock.instant(), model, 0, Optional.of("the probe was interrupted"));
        }
    }

    private void record(String name, ProbeResult result) {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        ProviderHealth health = registry.health(name);
        boolean wasFailing = health.lastProbe().map(previous -> !previous.succeeded()).orElse(false);
        health.probed(result);
        metrics.healthProbes.inc(name, result.succeeded() ? "success" : "failure");
        if (!result.succeeded() && !wasFailing) {
            log.warn("Health probe of provider {} ({}) failed: {}", name, result.model(), result.error().orElseThrow());
        } else if (result.succeeded() && wasFailing) {
            log.info("Health probe of provider {} ({}) succeeded again after failing", name, result.model());
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** Stops probing; a probe in flight is interrupted and not recorded. */
    @Override
    public void close() {
        schedule.shutdownNow();
        calls.shutdownNow();
        try {
            schedule.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
