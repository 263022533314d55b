package io.policygateway.kernel.routing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.routing.TargetView.BreakerState;
import io.policygateway.kernel.provider.ProviderHealth;
import java.util.Locale;

/**
 * The {@code routes} section of {@code GET /health}: per route its mode and, per target, the
 * circuit breaker's state, the rolling median latency and the last success and failure — why
 * traffic goes where it goes.
 */
public final class RouteHealth {
    private RouteHealth() {
    }

    /**
     * Fills {@code section} with one entry per route.
     *
     * @return whether any target's breaker is open (the gateway is then degraded)
     */
    public static boolean write(RouteTable routes, ObjectNode section) {
        boolean anyOpen = false;
        for (Route route : routes.routes()) {
            ObjectNode entry = section.putObject(route.name());
            entry.put("mode", route.mode());
            if (!route.models().isEmpty()) {
                ArrayNode models = entry.putArray("models");
                route.models().forEach(models::add);
            }
            ObjectNode targets = entry.putObject("targets");
            for (Target target : route.targets()) {
                anyOpen |= writeTarget(target, targets.putObject(target.id()));
            }
            for (DisabledTarget target : route.disabled()) {
                ObjectNode disabled = targets.putObject(target.id());
                disabled.put("provider", target.config().provider());
                disabled.put("enabled", false);
                disabled.put("reason", target.reason());
            }
        }
        return anyOpen;
    }

    private static boolean writeTarget(Target target, ObjectNode entry) {
        TargetConfig config = target.config();
        entry.put("provider", config.provider());
        if (config.model() != null) {
            entry.put("model", config.model());
        }
        if (config.region() != null) {
            entry.put("region", config.region());
        }
        entry.put("weight", config.weight());
        entry.put("enabled", true);
        CircuitBreaker.Snapshot breaker = target.breaker().snapshot();
        entry.put("circuit_breaker", breaker.state().name().toLowerCase(Locale.ROOT));
        entry.put("recent_failures", breaker.recentFailures());
        if (breaker.state() == BreakerState.OPEN) {
            entry.put("retry_in_ms", breaker.retryIn().toMillis());
        }
        LatencyWindow.Median median = target.latency().median();
        median.millis().ifPresent(millis -> entry.put("latency_p50_ms", Math.round(millis * 10) / 10.0));
        entry.put("latency_samples", median.samples());
        ProviderHealth.Snapshot health = target.health().snapshot();
        health.lastSuccess().ifPresent(time -> entry.put("last_success", time.toString()));
        health.lastFailure().ifPresent(time -> entry.put("last_failure", time.toString()));
        health.lastError().ifPresent(error -> entry.put("last_error", error));
        return breaker.state() == BreakerState.OPEN;
    }
}
