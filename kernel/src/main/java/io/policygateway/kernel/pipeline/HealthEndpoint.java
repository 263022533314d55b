package io.policygateway.kernel.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.WireFormat;
import io.policygateway.kernel.provider.ProbeResult;
import io.policygateway.kernel.provider.ProviderHealth;
import io.policygateway.kernel.provider.ProviderRegistry;
import io.policygateway.kernel.routing.PriceCatalogue;
import io.policygateway.kernel.routing.RouteHealth;
import io.policygateway.kernel.routing.RouteTable;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health} (per-provider status, last success and error, rolling latency p50/p95 from
 * real traffic and the last active probe; per routing target its circuit breaker and rolling
 * median latency; the state of tool backends such as MCP servers),
 * {@code GET /health/live} and {@code GET /health/ready} for orchestrators. No credential needed.
 */
public final class HealthEndpoint implements Endpoint {
    /** Which of the three answers this instance gives. */
    public enum Kind { SUMMARY, LIVE, READY }

    private final Kind kind;
    private final ObjectMapper json;
    private final ProviderRegistry registry;
    private final RouteTable routes;
    private final BooleanSupplier ready;
    private final Supplier<Map<String, Map<String, String>>> tools;

    public HealthEndpoint(Kind kind, ObjectMapper json, ProviderRegistry registry, BooleanSupplier ready) {
        this(kind, json, registry, RouteTable.none(PriceCatalogue.builtIn()), ready);
    }

    /** @param routes the configured routes, whose targets' breakers and latency the summary shows */
    public HealthEndpoint(Kind kind, ObjectMapper json, ProviderRegistry registry, RouteTable routes, BooleanSupplier ready) {
        this(kind, json, registry, routes, ready, Map::of);
    }

    /** @param tools the tool loops' backends and their state (e.g. MCP server → {@code up}), shown under {@code tools} */
    public HealthEndpoint(Kind kind, ObjectMapper json, ProviderRegistry registry, RouteTable routes, BooleanSupplier ready,
            Supplier<Map<String, Map<String, String>>> tools) {
        this.kind = kind;
        this.json = json;
        this.registry = registry;
        this.routes = routes;
        this.ready = ready;
        this.tools = tools;
    }

    @Override
    public WireFormat errorFormat() {
        return WireFormat.OPENAI_CHAT;
    }

    @Override
    public boolean authenticated() {
        return false;
    }

    @Override
    public void handle(RequestCall call) throws IOException {
        ObjectNode body = json.createObjectNode();
        int status = 200;
        switch (kind) {
            case LIVE -> body.put("status", "ok");
            case READY -> {
                boolean isReady = ready.getAsBoolean();
                body.put("status", isReady ? "ready" : "starting");
                status = isReady ? 200 : 503;
            }
            case SUMMARY -> summary(body);
        }
        call.record().status = status;
        call.exchange().respond(status, Map.of("cache-control", "no-store"), "application/json", json.writeValueAsBytes(body));
    }

    private void summary(ObjectNode body) {
        Instant now = Instant.now();
        ObjectNode providers = json.createObjectNode();
        boolean anyFailing = false;
        for (String name : registry.providers().keySet()) {
            ProviderHealth health = registry.health(name);
            ProviderHealth.Snapshot snapshot = health.snapshot();
            ObjectNode entry = providers.putObject(name);
            entry.put("enabled", true);
            entry.put("status", snapshot.status());
            anyFailing |= snapshot.status().equals("failing");
            if (snapshot.lastLatencyMillis() >= 0) {
                entry.put("last_latency_ms", snapshot.lastLatencyMillis());
            }
            snapshot.lastSuccess().ifPresent(time -> entry.put("last_success", time.toString()));
            snapshot.lastFailure().ifPresent(time -> entry.put("last_failure", time.toString()));
            snapshot.lastError().ifPresent(error -> entry.put("last_error", error));
            health.latency(now).ifPresent(latency -> entry.put("latency_p50_ms", latency.p50Millis())
                    .put("latency_p95_ms", latency.p95Millis()).put("latency_samples", latency.samples()));
            health.lastProbe().ifPresent(probe -> probe(entry.putObject("probe"), probe));
        }
        registry.disabledReasons().forEach((name, reason) -> providers.putObject(name).put("enabled", false).put("reason", reason));
        ObjectNode routeSection = json.createObjectNode();
        anyFailing |= RouteHealth.write(routes, routeSection);
        body.put("status", registry.providers().isEmpty() ? "no_providers" : anyFailing ? "degraded" : "ok");
        body.put("local_dev_mode", registry.localDevMode());
        body.set("providers", providers);
        if (!routeSection.isEmpty()) {
            body.set("routes", routeSection);
        }
        Map<String, Map<String, String>> toolBackends = tools.get();
        if (!toolBackends.isEmpty()) {
            body.set("tools", json.valueToTree(toolBackends));
        }
    }

    private static void probe(ObjectNode entry, ProbeResult probe) {
        entry.put("status", probe.succeeded() ? "up" : "failing");
        entry.put("at", probe.at().toString());
        entry.put("model", probe.model());
        entry.put("latency_ms", probe.latencyMillis());
        probe.error().ifPresent(error -> entry.put("error", error));
    }
}
