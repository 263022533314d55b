package io.policygateway.kernel.pipeline;

import io.policygateway.api.Usage;

/**
 * Facts about one request, filled in as it moves through the pipeline and written as one access
 * log line at the end. Confined to the request's thread. Never holds prompt or response text.
 */
public final class AccessRecord {
    final long startNanos = System.nanoTime();
    String traceId = "";
    String method = "";
    String route = "";
    String surface = "";
    String provider = "";
    String model = "";
    String metricModel = "none";
    String requestedModel = "";
    String project;
    String user;
    String target;
    String keyName;
    int status;
    int attempts;
    boolean stream;
    long upstreamNanos;
    long firstByteNanos = -1;
    Usage usage = Usage.NONE;
    String decision;
    String reasonCode;
    String error;

    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /** Gateway time excluding the upstream, in nanoseconds. */
    public long overheadNanos() {
        return Math.max(0, elapsedNanos() - upstreamNanos);
    }

    public void upstreamNanos(long nanos) {
        this.upstreamNanos += nanos;
    }

    public void decision(String decisionName, String reason) {
        this.decision = decisionName;
        this.reasonCode = reason;
    }

    public void identity(String projectId, String userId, String targetLabel, String key) {
        this.project = projectId;
        this.user = userId;
        this.target = targetLabel;
        this.keyName = key;
    }

    public String traceId() {
        return traceId;
    }
}
