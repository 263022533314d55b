package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policy side of one request, from admission to the final decision. Confined to the request's
 * thread. The pipeline calls {@link #beforeRequest} once, then {@link #afterResponse} (whole
 * answers) or {@link #openStream} (streams), then {@link #finish} exactly once.
 */
public final class PolicyEvaluation {
    private final PolicyContext context;
    private final WireFormat clientFormat;
    private final GuardrailChain chain;
    private final List<RuleDecision> decisions = new ArrayList<>();
    private GuardrailRequest request;

    PolicyEvaluation(PolicyContext context, WireFormat clientFormat, GuardrailChain chain) {
        this.context = requireNonNull(context, "context is null");
        this.clientFormat = requireNonNull(clientFormat, "clientFormat is null");
        this.chain = requireNonNull(chain, "chain is null");
    }

    public PolicyContext context() {
        return context;
    }

    /** Runs request-side rules on the canonical request; returns the request to send (or a cached answer). */
    public GuardrailChain.Before beforeRequest(String model, ObjectNode canonicalRequest) throws GatewayException {
        request = new GuardrailRequest(context, clientFormat, model, canonicalRequest);
        GuardrailChain.Before before = chain.beforeRequest(request, decisions);
        request = new GuardrailRequest(context, clientFormat, model, before.body());
        return before;
    }

    /** Runs response-side rules on a whole canonical completion; returns what the caller gets. */
    public ObjectNode afterResponse(ObjectNode completion, String provider, String model, Usage usage, long upstreamMillis)
            throws GatewayException {
        return chain.afterResponse(new GuardrailResponse(request, completion, provider, model, usage, upstreamMillis), decisions);
    }

    /** Whether streamed text must pass through guardrails. */
    public boolean watchesStreams() {
        return chain.watchesStreams();
    }

    public GuardrailChain.StreamChain openStream() {
        return chain.openStream(request, decisions);
    }

    /** Decisions so far, in the order rules fired. */
    public List<RuleDecision> decisions() {
        return List.copyOf(decisions);
    }

    /** The request's overall decision: the most severe enforced one, {@code allow} when none fired. */
    public Decision decision() {
        Decision overall = Decision.ALLOW;
        for (RuleDecision decision : decisions) {
            if (!decision.shadow() && decision.decision() != Decision.LOG_ONLY) {
                overall = overall.max(decision.decision());
            }
        }
        return overall;
    }

    /** The reason code of the deciding rule, or {@code ALLOW}. */
    public String reasonCode() {
        Decision overall = decision();
        return decisions.stream().filter(decision -> !decision.shadow() && decision.decision() == overall)
                .map(RuleDecision::reasonCode).reduce((first, second) -> second).orElse(overall == Decision.ALLOW ? "ALLOW" : overall.name());
    }

    /** Records a block decided outside the chain (e.g. a guardrail's block exception). */
    void blocked(GatewayException error) {
        decisions.add(new RuleDecision("gateway", context.policyId().orElse("none"), Decision.BLOCK, error.code().orElse("BLOCKED"),
                error.getMessage(), false, java.util.Map.of()));
    }

    /** The request failed; lets guardrails that watch errors know. */
    public void failed(GatewayException error) {
        if (request != null) {
            chain.onError(request, error);
        }
    }

    Optional<GuardrailRequest> request() {
        return Optional.ofNullable(request);
    }
}
