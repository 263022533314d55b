package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import io.policygateway.kernel.auth.Identity;

/**
 * One request in flight: the exchange, its trace, the facts for its access log line and, once
 * authenticated, the caller. Confined to the request's thread.
 */
public final class RequestCall {
    private final ClientExchange exchange;
    private final TraceContext trace;
    private final AccessRecord record;
    private final String surface;
    private final String route;
    private Identity identity = Identity.anonymousCaller();
    private final java.util.List<java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode>> errorDecorators = new java.util.ArrayList<>();

    RequestCall(ClientExchange exchange, TraceContext trace, AccessRecord record, String surface, String route) {
        this.exchange = requireNonNull(exchange, "exchange is null");
        this.trace = requireNonNull(trace, "trace is null");
        this.record = requireNonNull(record, "record is null");
        this.surface = requireNonNull(surface, "surface is null");
        this.route = requireNonNull(route, "route is null");
    }

    public ClientExchange exchange() {
        return exchange;
    }

    public TraceContext trace() {
        return trace;
    }

    public AccessRecord record() {
        return record;
    }

    /** {@code v1} or {@code policy}. */
    public String surface() {
        return surface;
    }

    /** The endpoint without its surface prefix, e.g. {@code /chat/completions}. */
    public String route() {
        return route;
    }

    public Identity identity() {
        return identity;
    }

    /** Adds something to the error body if this request fails (e.g. the policy metadata on /policy). */
    public void onError(java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> decorator) {
        errorDecorators.add(decorator);
    }

    void decorateError(com.fasterxml.jackson.databind.node.ObjectNode body) {
        for (java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> decorator : errorDecorators) {
            try {
                decorator.accept(body);
            } catch (RuntimeException ignored) {
                // the error itself must still be delivered
            }
        }
    }

    void identity(Identity caller) {
        this.identity = requireNonNull(caller, "caller is null");
    }
}
