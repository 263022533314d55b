package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.GatewayException;
import io.policygateway.api.Usage;
import io.policygateway.kernel.metrics.GatewayMetrics;
import io.policygateway.kernel.policy.LimitExceededException;
import io.policygateway.kernel.policy.Pricing;
import java.util.OptionalDouble;

/**
 * The metrics of one request, recorded from its {@link AccessRecord} when it ends, so the numbers
 * on {@code /metrics} and the access log line always agree: requests, latencies, tokens and
 * estimated cost by project, unpriced models and limit rejections. Thread-safe; called on request
 * threads.
 */
final class RequestMetrics {
    /** Provider label of requests that reached no provider (refused, invalid, not found). */
    static final String NO_PROVIDER = "none";
    /** Project label of requests without a project. */
    static final String NO_PROJECT = "none";

    private final GatewayMetrics metrics;
    private final Pricing pricing;

    RequestMetrics(GatewayMetrics metrics, Pricing pricing) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.pricing = requireNonNull(pricing, "pricing is null");
    }

    void started(String routeLabel) {
        metrics.inFlight.inc(1, routeLabel);
    }

    /** A request was refused: counts it when a rate limit, quota or budget refused it. */
    void refused(GatewayException error) {
        if (error instanceof LimitExceededException) {
            String reasonCode = error.code().orElse("RATE_LIMITED");
            metrics.limitRejections.inc(limitKind(reasonCode), reasonCode);
        }
    }

    /** The request ended (answered, refused or abandoned by the client). */
    void finished(AccessRecord record, String routeLabel) {
        metrics.inFlight.inc(-1, routeLabel);
        String provider = record.provider.isEmpty() ? NO_PROVIDER : record.provider;
        metrics.requests.inc(routeLabel, record.surface, provider, record.metricModel, Integer.toString(record.status),
                statusClass(record.status));
        metrics.requestDuration.observe(record.elapsedNanos() / 1e9, routeLabel, provider);
        if (record.upstreamNanos > 0) {
            metrics.upstreamDuration.observe(record.upstreamNanos / 1e9, provider);
            metrics.overhead.observe(record.overheadNanos() / 1e9, routeLabel);
        }
        if (record.firstByteNanos >= 0 && record.stream) {
            metrics.timeToFirstByte.observe(record.firstByteNanos / 1e9, routeLabel, provider);
        }
        if (!record.provider.isEmpty()) {
            usage(record, record.project == null ? NO_PROJECT : record.project);
        }
    }

    private void usage(AccessRecord record, String project) {
        Usage usage = record.usage;
        String model = record.metricModel;
        if (usage.inputTokens() > 0) {
            metrics.tokens.inc(usage.inputTokens(), record.provider, model, project, "input");
        }
        if (usage.outputTokens() > 0) {
            metrics.tokens.inc(usage.outputTokens(), record.provider, model, project, "output");
        }
        if (usage.cachedTokens() > 0) {
            metrics.tokens.inc(usage.cachedTokens(), record.provider, model, project, "cached");
        }
        if (usage.totalTokens() <= 0) {
            return;
        }
        OptionalDouble cost = pricing.costUsd(record.provider, record.model, usage);
        if (cost.isPresent()) {
            metrics.cost.inc(cost.getAsDouble(), record.provider, model, project);
        } else {
            metrics.unpriced.inc(model);
        }
    }

    /** {@code 2xx} … {@code 5xx}; {@code other} for a status outside 100–599 (none was set). */
    static String statusClass(int status) {
        return status >= 100 && status <= 599 ? (status / 100) + "xx" : "other";
    }

    /** {@code rate_limit}, {@code quota} or {@code budget}, from a limit's reason code. */
    static String limitKind(String reasonCode) {
        return switch (reasonCode) {
            case "QUOTA_EXCEEDED" -> "quota";
            case "BUDGET_EXCEEDED" -> "budget";
            default -> "rate_limit";
        };
    }
}
