package io.policygateway.api.guardrail;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.Usage;

/**
 * A whole response as guardrails see it.
 *
 * @param request the request that produced it (after before-request rewrites)
 * @param body the response as a canonical OpenAI {@code chat.completion}; read-only
 * @param provider the provider that served it
 * @param model the model that served it
 * @param usage tokens used
 * @param upstreamMillis time spent upstream
 */
public record GuardrailResponse(GuardrailRequest request, ObjectNode body, String provider, String model,
        Usage usage, long upstreamMillis) {
    public GuardrailResponse {
        requireNonNull(request, "request is null");
        requireNonNull(body, "body is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(model, "model is null");
        requireNonNull(usage, "usage is null");
    }
}
