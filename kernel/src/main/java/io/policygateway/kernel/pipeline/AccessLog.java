package io.policygateway.kernel.pipeline;

import io.policygateway.kernel.log.Json;
import io.policygateway.kernel.log.LogFormatter;
import io.policygateway.kernel.log.SecretMasker;
import java.io.PrintStream;
import java.time.Instant;

/**
 * Writes one line per request on stdout: JSON (default) or text. Only operational telemetry:
 * ids, route, provider, model, status, attempts, latencies, tokens, decision — never a prompt,
 * a response or a credential. Fields that do not apply to a request (no project, no provider
 * reached, no policy decision) are left out. The level is {@code error} for a 5xx answer and
 * {@code info} otherwise; the line is written at every configured log level.
 */
public final class AccessLog {
    private final PrintStream out;
    private final boolean json;

    public AccessLog(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public void write(AccessRecord record) {
        double totalMillis = record.elapsedNanos() / 1e6;
        double upstreamMillis = record.upstreamNanos / 1e6;
        String line;
        if (json) {
            StringBuilder b = new StringBuilder(384);
            b.append("{\"ts\":\"").append(LogFormatter.timestamp(Instant.now())).append("\",\"level\":\"").append(level(record.status))
                    .append("\",\"logger\":\"access\"");
            field(b, "trace_id", record.traceId);
            field(b, "method", record.method);
            field(b, "route", record.route);
            field(b, "surface", record.surface);
            field(b, "project", record.project);
            field(b, "user", record.user);
            field(b, "target", record.target);
            field(b, "key", record.keyName);
            field(b, "provider", record.provider);
            field(b, "model", record.model);
            if (!record.requestedModel.equals(record.model)) {
                field(b, "requested_model", record.requestedModel);
            }
            b.append(",\"status\":").append(record.status);
            b.append(",\"stream\":").append(record.stream);
            b.append(",\"attempts\":").append(record.attempts);
            b.append(",\"latency_ms\":").append(round(totalMillis));
            b.append(",\"upstream_ms\":").append(round(upstreamMillis));
            b.append(",\"overhead_ms\":").append(round(record.overheadNanos() / 1e6));
            if (record.firstByteNanos >= 0) {
                b.append(",\"ttfb_ms\":").append(round(record.firstByteNanos / 1e6));
            }
            b.append(",\"input_tokens\":").append(record.usage.inputTokens());
            b.append(",\"output_tokens\":").append(record.usage.outputTokens());
            b.append(",\"cached_tokens\":").append(record.usage.cachedTokens());
            field(b, "decision", record.decision);
            field(b, "reason_code", record.reasonCode);
            field(b, "error", record.error == null ? null : SecretMasker.mask(record.error));
            line = b.append('}').toString();
        } else {
            line = LogFormatter.timestamp(Instant.now()) + " " + level(record.status) + " access " + record.method + " " + record.route + " "
                    + record.status + " " + round(totalMillis) + "ms provider=" + record.provider + " model=" + record.model
                    + " attempts=" + record.attempts + " trace_id=" + record.traceId
                    + (record.project == null ? "" : " project=" + record.project)
                    + (record.decision == null ? "" : " decision=" + record.decision + " reason_code=" + record.reasonCode)
                    + (record.error == null ? "" : " error=\"" + SecretMasker.mask(record.error) + "\"");
        }
        out.println(line);
    }

    private static String level(int status) {
        return status >= 500 ? "error" : "info";
    }

    private static void field(StringBuilder b, String name, String value) {
        if (value != null && !value.isEmpty()) {
            b.append(",\"").append(name).append("\":");
            Json.appendString(b, value);
        }
    }

    private static String round(double millis) {
        return Double.toString(Math.round(millis * 1000) / 1000.0);
    }
}
