package io.policygateway.kernel.pipeline;

import io.policygateway.api.WireFormat;
import io.policygateway.kernel.metrics.PrometheusMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code GET /metrics}: Prometheus text format. No credential needed (bind it to a private network). */
public final class MetricsEndpoint implements Endpoint {
    private final PrometheusMetrics metrics;

    public MetricsEndpoint(PrometheusMetrics metrics) {
        this.metrics = metrics;
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
        call.record().status = 200;
        call.exchange().respond(200, Map.of(), "text/plain; version=0.0.4; charset=utf-8",
                metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
