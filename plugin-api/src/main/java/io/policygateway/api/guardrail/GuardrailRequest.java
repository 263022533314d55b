package io.policygateway.api.guardrail;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;

/**
 * A request as guardrails see it.
 *
 * @param context who is asking
 * @param clientFormat the format the caller spoke
 * @param model the requested model (aliases resolved)
 * @param body the request in the canonical OpenAI chat format; read-only (return a
 *     {@link Verdict#rewrite} with a modified copy instead of changing it)
 */
public record GuardrailRequest(PolicyContext context, WireFormat clientFormat, String model, ObjectNode body) {
    public GuardrailRequest {
        requireNonNull(context, "context is null");
        requireNonNull(clientFormat, "clientFormat is null");
        requireNonNull(model, "model is null");
        requireNonNull(body, "body is null");
    }
}
