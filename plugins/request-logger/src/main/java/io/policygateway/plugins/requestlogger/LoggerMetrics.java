package io.policygateway.plugins.requestlogger;

import io.policygateway.api.Metrics;

/**
 * {@code policy_gateway_request_log_records_total{result}}: records {@code written}, {@code dropped}
 * because the queue was full, or {@code failed} because the database refused them.
 */
final class LoggerMetrics {
    private final Metrics.Counter records;

    LoggerMetrics(Metrics metrics) {
        this.records = metrics.counter("request_log_records_total", "Request log records by result (written, dropped, failed).", "result");
    }

    void written(int count) {
        records.inc(count, "written");
    }

    void dropped() {
        records.inc("dropped");
    }

    void failed(int count) {
        records.inc(count, "failed");
    }
}
