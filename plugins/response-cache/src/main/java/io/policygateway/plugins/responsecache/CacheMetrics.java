package io.policygateway.plugins.responsecache;

import io.policygateway.api.Metrics;

/**
 * The cache's metrics: {@code policy_gateway_cache_requests_total{result}} with result
 * {@code hit}, {@code miss}, {@code store} or {@code bypass} (a request the cache may not answer),
 * and {@code policy_gateway_cache_entries}, the answers held by all response-cache instances.
 */
final class CacheMetrics {
    private final Metrics.Counter requests;
    private final Metrics.Gauge entries;

    CacheMetrics(Metrics metrics) {
        this.requests = metrics.counter("cache_requests_total", "Response cache lookups and stores, by result (hit, miss, store, bypass).",
                "result");
        this.entries = metrics.gauge("cache_entries", "Answers held by the response cache.");
    }

    void hit() {
        requests.inc("hit");
    }

    void miss() {
        requests.inc("miss");
    }

    void store() {
        requests.inc("store");
    }

    void bypass() {
        requests.inc("bypass");
    }

    /** Applies a change in the number of entries held. */
    void entriesChanged(int change) {
        entries.inc(change);
    }
}
