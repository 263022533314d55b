package io.policygateway.kernel.metrics;

import io.policygateway.api.Metrics;

/**
 * The kernel's own metrics, registered once at start. Label values come from bounded sets:
 * routes and providers are configured names, statuses are HTTP codes (and their class, which adds
 * no series since it follows from the code), models are collapsed by
 * {@link io.policygateway.kernel.provider.ProviderRegistry#metricModel}, projects are configured ids
 * ({@code none} without one), reason codes are constants.
 */
public final class GatewayMetrics {
    private static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
    private static final double[] OVERHEAD_BUCKETS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1};

    public final Metrics.Counter requests;
    public final Metrics.Histogram requestDuration;
    public final Metrics.Histogram upstreamDuration;
    public final Metrics.Histogram timeToFirstByte;
    public final Metrics.Histogram overhead;
    public final Metrics.Gauge inFlight;
    public final Metrics.Counter tokens;
    public final Metrics.Counter upstreamAttempts;
    public final Metrics.Counter cost;
    public final Metrics.Counter unpriced;
    public final Metrics.Counter limitRejections;
    public final Metrics.Counter healthProbes;

    public GatewayMetrics(Metrics metrics) {
        requests = metrics.counter("requests_total", "Requests handled, by route, surface, provider, model, status and status class.",
                "route", "surface", "provider", "model", "status", "status_class");
        requestDuration = metrics.histogram("request_duration_seconds", "Total time from request to the last byte of the response.",
                LATENCY_BUCKETS, "route", "provider");
        upstreamDuration = metrics.histogram("upstream_duration_seconds", "Time spent waiting on the upstream (until the last byte).",
                LATENCY_BUCKETS, "provider");
        timeToFirstByte = metrics.histogram("stream_time_to_first_byte_seconds", "For streams: time from request to the first byte sent to the client.",
                LATENCY_BUCKETS, "route", "provider");
        overhead = metrics.histogram("overhead_seconds", "Gateway time per request excluding time spent waiting on the upstream.",
                OVERHEAD_BUCKETS, "route");
        inFlight = metrics.gauge("requests_in_flight", "Requests being handled now.", "route");
        tokens = metrics.counter("tokens_total", "Tokens used, by provider, model, project and kind (input, output, cached).",
                "provider", "model", "project", "kind");
        upstreamAttempts = metrics.counter("upstream_attempts_total", "Calls made to upstreams, by provider and outcome.",
                "provider", "outcome");
        cost = metrics.counter("cost_usd_total", "Estimated cost in USD from the model price catalogue, by provider, model and project.",
                "provider", "model", "project");
        unpriced = metrics.counter("unpriced_requests_total", "Requests that used tokens of a model the price catalogue has no price for.",
                "model");
        limitRejections = metrics.counter("limit_rejections_total", "Requests refused by a rate limit, quota or budget, by kind and reason code.",
                "kind", "reason_code");
        healthProbes = metrics.counter("health_probes_total", "Active health probes sent to providers, by provider and outcome (success, failure).",
                "provider", "outcome");
    }
}
