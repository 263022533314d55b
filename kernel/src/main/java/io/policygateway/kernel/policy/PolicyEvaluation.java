package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import io.policygateway.api.guardrail.ChatText;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The policy side of one request, from admission to the final decision. Confined to the request's
 * thread. The pipeline calls {@link #beforeRequest} once, then {@link #afterResponse} (whole
 * answers) or {@link #openStream} (streams), then {@link #finish} exactly once.
 */
public final class PolicyEvaluation {
    private static final long DEFAULT_OUTPUT_ESTIMATE = 256;

    private final PolicyContext context;
    private final WireFormat clientFormat;
    private final GuardrailChain chain;
    private final List<RuleCheck> checks;
    private final Optional<ProjectConfig> project;
    private final Optional<Quotas> quotas;
    private final Optional<CompiledPolicy> policy;
    private final String mode;
    private final PolicyEngine engine;
    private final List<RuleDecision> decisions = new ArrayList<>();
    private final List<RuleCheck.Admitted> admitted = new ArrayList<>();
    private final List<BiPredicate<String, Optional<String>>> compliance = new ArrayList<>();
    private Quotas.Held held;
    private GuardrailRequest request;
    private boolean finished;

    PolicyEvaluation(PolicyContext context, WireFormat clientFormat, GuardrailChain chain, List<RuleCheck> checks,
            Optional<ProjectConfig> project, Optional<Quotas> quotas, Optional<CompiledPolicy> policy, String mode, PolicyEngine engine) {
        this.context = requireNonNull(context, "context is null");
        this.clientFormat = requireNonNull(clientFormat, "clientFormat is null");
        this.chain = requireNonNull(chain, "chain is null");
        this.checks = List.copyOf(checks);
        this.project = requireNonNull(project, "project is null");
        this.quotas = requireNonNull(quotas, "quotas is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.engine = requireNonNull(engine, "engine is null");
    }

    public PolicyContext context() {
        return context;
    }

    /**
     * Runs request-side rules on the canonical request: access, residency, rate limits, cost,
     * transformations (in config order), then project quotas, then guardrails. Returns the request
     * to send, or a cached answer.
     *
     * @param provider the provider expected to serve it (for pricing the estimate), may be empty
     */
    public GuardrailChain.Before beforeRequest(String model, ObjectNode canonicalRequest, String provider) throws GatewayException {
        ObjectNode body = canonicalRequest;
        boolean needsEstimate = !checks.isEmpty() || project.isPresent();
        long inputEstimate = needsEstimate ? (ChatText.joinedRequestText(body).length() + 3) / 4 : 0;
        long outputEstimate = body.path("max_completion_tokens").asLong(body.path("max_tokens").asLong(DEFAULT_OUTPUT_ESTIMATE));
        for (RuleCheck check : checks) {
            if (!check.rule().runsBeforeRequest() && check.rule().kind() != PolicyRule.Kind.AUDIT) {
                continue;
            }
            RuleInput input = new RuleInput(context, body.path("model").asText(model), body, inputEstimate, outputEstimate, provider);
            RuleCheck.Admitted result;
            try {
                result = check.admit(input);
            } catch (GatewayException e) {
                decisions.add(new RuleDecision(check.rule().id(), check.rule().policy(), Decision.BLOCK, e.code().orElse("BLOCKED"),
                        e.getMessage(), check.rule().shadow(), java.util.Map.of()));
                if (check.rule().shadow()) {
                    continue;
                }
                throw e;
            }
            admitted.add(result);
            result.decision().ifPresent(decisions::add);
            result.compliance().ifPresent(compliance::add);
            if (!check.rule().shadow() && result.rewritten().isPresent()) {
                body = result.rewritten().get();
            }
        }
        if (project.isPresent() && quotas.isPresent()) {
            try {
                held = quotas.get().reserve(project.get(), context.user(), provider, body.path("model").asText(model), inputEstimate + outputEstimate);
            } catch (GatewayException e) {
                decisions.add(new RuleDecision("quota", "project:" + project.get().id(), Decision.BLOCK, e.code().orElse("QUOTA_EXCEEDED"),
                        e.getMessage(), false, java.util.Map.of()));
                throw e;
            }
        }
        request = new GuardrailRequest(context, clientFormat, body.path("model").asText(model), body);
        GuardrailChain.Before before = chain.beforeRequest(request, decisions);
        request = new GuardrailRequest(context, clientFormat, request.model(), before.body());
        return before;
    }

    /**
     * Runs the request guardrails (only those: no quotas, limits or transformations again) on a
     * later model turn of the same request, e.g. one that carries tool results. Returns the body to
     * send; a block throws.
     */
    public ObjectNode guardFollowUp(ObjectNode body) throws GatewayException {
        GuardrailRequest followUp = new GuardrailRequest(context, clientFormat, request == null ? body.path("model").asText("") : request.model(), body);
        return chain.beforeRequest(followUp, decisions).body();
    }

    /** Whether a target (provider, region) is allowed by every data-residency rule. */
    public boolean compliant(String provider, Optional<String> region) {
        return compliance.stream().allMatch(rule -> rule.test(provider, region));
    }

    public boolean restrictsTargets() {
        return !compliance.isEmpty();
    }

    /** Runs response-side rules on a whole canonical completion; returns what the caller gets. */
    public ObjectNode afterResponse(ObjectNode completion, String provider, String model, Usage usage, long upstreamMillis)
            throws GatewayException {
        return chain.afterResponse(new GuardrailResponse(request, completion, provider, model, usage, upstreamMillis), decisions);
    }

    /** Whether response-side rules exist, so the response must be seen in the canonical format. */
    public boolean inspectsResponses() {
        return chain.inspectsResponses();
    }

    public boolean watchesStreams() {
        return chain.watchesStreams();
    }

    public GuardrailChain.StreamChain openStream() {
        return chain.openStream(request, decisions);
    }

    /** The request as it went upstream, after rewrites, if it got that far. */
    public Optional<ObjectNode> sentRequest() {
        return Optional.ofNullable(request).map(GuardrailRequest::body);
    }

    public List<RuleDecision> decisions() {
        return List.copyOf(decisions);
    }

    /** The overall decision: the most severe enforced one; {@code allow} when none fired. */
    public Decision decision() {
        Decision overall = Decision.ALLOW;
        for (RuleDecision decision : decisions) {
            if (!decision.shadow() && decision.decision() != Decision.LOG_ONLY) {
                overall = overall.max(decision.decision());
            }
        }
        return overall;
    }

    public String reasonCode() {
        Decision overall = decision();
        String reason = overall == Decision.ALLOW ? "ALLOW" : overall.name();
        for (RuleDecision decision : decisions) {
            if (!decision.shadow() && decision.decision() == overall) {
                reason = decision.reasonCode();
            }
        }
        return reason;
    }

    /** Ids of the enforced rules that fired, in order. */
    public List<String> rulesFired() {
        Set<String> ids = new LinkedHashSet<>();
        decisions.stream().filter(decision -> !decision.shadow() && decision.fired()).forEach(decision -> ids.add(decision.ruleId()));
        return List.copyOf(ids);
    }

    public Optional<String> policyId() {
        return policy.map(CompiledPolicy::id);
    }

    /** The {@code policy} object for {@code /policy} responses and SSE frames. */
    public ObjectNode metadata() {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("policy_id", policy.map(CompiledPolicy::id).orElse(null));
        policy.ifPresent(selected -> metadata.put("policy_version", selected.version()));
        metadata.put("mode", mode);
        metadata.put("decision", decision().wireName());
        metadata.put("reason_code", reasonCode());
        ArrayNode rules = metadata.putArray("rules");
        rulesFired().forEach(rules::add);
        metadata.put("policy_project_id", context.project().orElse(null));
        metadata.put("policy_user", context.user().orElse(null));
        metadata.put("policy_target", context.target().orElse(null));
        List<RuleDecision> shadows = decisions.stream().filter(RuleDecision::shadow).toList();
        if (!shadows.isEmpty()) {
            ArrayNode shadow = metadata.putArray("shadow");
            shadows.forEach(decision -> shadow.addObject().put("rule", decision.ruleId()).put("decision", decision.decision().wireName())
                    .put("reason_code", decision.reasonCode()));
        }
        if (held != null) {
            metadata.set("quota", held.remaining());
        }
        return metadata;
    }

    /** Records a block decided outside the chain (e.g. an answer still refused after its one retry). */
    public void blocked(GatewayException error) {
        decisions.add(new RuleDecision("gateway", policy.map(CompiledPolicy::id).orElse("plugins"), Decision.BLOCK,
                error.code().orElse("BLOCKED"), error.getMessage(), false, java.util.Map.of()));
    }

    /** Tells error-watching guardrails the request failed. */
    public void failed(GatewayException error) {
        if (request != null) {
            chain.onError(request, error);
        }
    }

    /** Settles quotas and limits with real usage, writes audit records, emits the policy event. Idempotent. */
    public void finish(Outcome outcome) {
        if (finished) {
            return;
        }
        finished = true;
        for (RuleCheck.Admitted result : admitted) {
            try {
                result.settle(outcome);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(PolicyEvaluation.class).warn("Settling a rule failed: {}", e.toString());
            }
        }
        if (held != null) {
            held.settle(outcome.provider(), outcome.model(), outcome.usage());
        }
        engine.record(this, outcome, mode);
    }

    String mode() {
        return mode;
    }
}
