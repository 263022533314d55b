package io.policygateway.api.guardrail;

import io.policygateway.api.GatewayException;

/**
 * A configured guardrail. Instances are shared by concurrent requests: keep per-request state in
 * the {@link StreamGuard} returned by {@link #openStream}. Each method runs on the request's
 * (virtual) thread and may block briefly (an HTTP call to a moderation endpoint); the kernel
 * applies the configured timeout and fail-open/fail-closed policy around it. An exception thrown
 * from a hook is a guardrail fault, not a verdict.
 */
public interface Guardrail {

    /** Inspects (and may rewrite or answer) the request before it goes upstream. */
    default Verdict beforeRequest(GuardrailRequest request) throws GatewayException {
        return Verdict.allow();
    }

    /** Inspects (and may rewrite) a whole response before the caller sees it. */
    default Verdict afterResponse(GuardrailResponse response) throws GatewayException {
        return Verdict.allow();
    }

    /**
     * Starts watching one streamed response. Return {@link StreamGuard#PASS_THROUGH} for
     * guardrails that do not look at streams.
     */
    default StreamGuard openStream(GuardrailRequest request) {
        return StreamGuard.PASS_THROUGH;
    }

    /** Told when the request failed; for logging guardrails. */
    default void onError(GuardrailRequest request, GatewayException error) {
    }

    /**
     * Releases what the instance holds (threads, connections) after finishing pending work, e.g.
     * writing queued records. Called once by the kernel when the gateway stops, after the last
     * request; never on the request path. Must not throw.
     */
    default void close() {
    }
}
