package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.kernel.auth.Identity;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy engine in force, swappable at runtime: a reload builds and validates a new engine
 * first and swaps it in atomically. Requests already admitted keep the evaluation they started
 * with, so nothing in flight is dropped.
 */
public final class PolicyRuntime {
    private final AtomicReference<PolicyEngine> current;

    public PolicyRuntime(PolicyEngine initial) {
        this.current = new AtomicReference<>(requireNonNull(initial, "initial is null"));
    }

    /** @see PolicyEngine#begin */
    public PolicyEvaluation begin(String traceId, String surface, String route, Identity identity, Map<String, String> headers,
            ObjectNode clientBody, WireFormat format) throws GatewayException {
        return current.get().begin(traceId, surface, route, identity, headers, clientBody, format);
    }

    /** Puts a new, already validated engine in force and retires the old one. */
    public void swap(PolicyEngine next) {
        PolicyEngine previous = current.getAndSet(requireNonNull(next, "next is null"));
        previous.close();
    }

    public void close() {
        current.get().close();
    }
}
