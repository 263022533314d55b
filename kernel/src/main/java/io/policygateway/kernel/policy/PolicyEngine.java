package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ConfigException;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.Metrics;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.kernel.auth.Identity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides which rules apply to a request and starts its evaluation.
 *
 * <p>On {@code /policy/*} the caller is resolved to a project (header, body alias, or the key's
 * binding), the policy is the one the request names (if the project allows it) or the project's
 * linked one, and project quotas apply. On {@code /v1/*} only the {@code plugins:} guardrails and
 * an inline {@code policy} object in the body apply. Built once at start; thread-safe.
 */
public final class PolicyEngine {
    private final GuardrailChain global;
    private final List<GuardrailStage> globalStages;
    private final Map<String, CompiledPolicy> policies;
    private final Map<String, ProjectConfig> projects;
    private final Optional<Quotas> quotas;
    private final PolicyCompiler compiler;
    private final PolicyRuleSchema schema;
    private final Metrics metrics;
    private final Metrics.Counter decisionsTotal;
    private final Pricing pricing;
    private final Consumer<PolicyEvent> events;
    private final Clock clock;

    public PolicyEngine(List<GuardrailStage> globalStages, Map<String, CompiledPolicy> policies, Map<String, ProjectConfig> projects,
            Optional<Quotas> quotas, PolicyCompiler compiler, PolicyRuleSchema schema, Pricing pricing, Metrics metrics,
            Consumer<PolicyEvent> events, Clock clock) {
        this.globalStages = List.copyOf(globalStages);
        this.global = new GuardrailChain(globalStages, metrics);
        this.policies = Map.copyOf(policies);
        this.projects = Map.copyOf(projects);
        this.quotas = requireNonNull(quotas, "quotas is null");
        this.compiler = compiler;
        this.schema = schema;
        this.pricing = pricing;
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
        this.decisionsTotal = metrics.counter("policy_decisions_total", "Decisions by policy, rule, decision and reason code.",
                "policy_id", "rule", "decision", "reason_code", "mode");
    }

    /** What the request asked for, from headers and body aliases (header wins). */
    public record Selection(Optional<String> project, Optional<String> user, Optional<String> target, Optional<String> policyId) {
        public static Selection from(Map<String, String> headers, JsonNode body) {
            return new Selection(
                    first(headers.get("x-policy-project"), text(body, "policy_project_id")),
                    first(headers.get("x-policy-user"), text(body, "policy_user"), text(body, "policy_user_id")),
                    first(headers.get("x-policy-target"), text(body, "policy_target")),
                    first(text(body, "policy_id"), text(body, "policyId")));
        }

        private static String text(JsonNode body, String field) {
            JsonNode value = body.path(field);
            return value.isTextual() && !value.asText().isBlank() ? value.asText().trim() : null;
        }

        private static Optional<String> first(String... values) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    return Optional.of(value.trim());
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Starts the evaluation of one request.
     *
     * @param surface {@code policy} or {@code v1}
     * @throws GatewayException 403 when the caller may not use the project or policy, 400 for a bad inline policy
     */
    public PolicyEvaluation begin(String traceId, String surface, String route, Identity identity, Map<String, String> headers,
            ObjectNode clientBody, WireFormat format) throws GatewayException {
        Selection selection = Selection.from(headers, clientBody);
        Map<String, String> safeHeaders = new LinkedHashMap<>(headers);
        for (String credential : List.of("authorization", "x-api-key", "cookie", "proxy-authorization")) {
            safeHeaders.remove(credential);
        }
        if (!surface.equals("policy")) {
            Optional<CompiledPolicy> inline = clientBody.has("policy") ? Optional.of(inline(clientBody.get("policy"))) : Optional.empty();
            PolicyContext context = new PolicyContext(traceId, surface, route, identity.project(), selection.user(), selection.target(),
                    key(identity), identity.roles(), inline.map(CompiledPolicy::id), safeHeaders);
            List<GuardrailStage> stages = new ArrayList<>(globalStages);
            inline.ifPresent(policy -> stages.addAll(policy.guardrails()));
            return new PolicyEvaluation(context, format, inline.isEmpty() ? global : new GuardrailChain(stages, metrics),
                    inline.map(CompiledPolicy::checks).orElse(List.of()), Optional.empty(), Optional.empty(), inline,
                    inline.isPresent() ? "inline" : "enforce", this);
        }
        ProjectConfig project = resolveProject(identity, selection);
        Optional<String> policyId = selection.policyId().or(() -> Optional.ofNullable(project.policy()));
        Optional<CompiledPolicy> chosen = Optional.empty();
        String mode = "enforce";
        if (policyId.isPresent()) {
            if (selection.policyId().isPresent() && !project.allows(policyId.get())) {
                throw new GatewayException(ErrorCategory.PERMISSION, "Project '" + project.id() + "' does not allow policy '" + policyId.get()
                        + "' (allowed: " + allowedPolicies(project) + ").", "POLICY_NOT_ALLOWED", "policy_id", 0, null, null);
            }
            CompiledPolicy base = policies.get(policyId.get());
            if (base == null) {
                throw new GatewayException(ErrorCategory.PERMISSION, "Unknown policy '" + policyId.get() + "'.", "POLICY_NOT_FOUND", "policy_id", 0, null, null);
            }
            CompiledPolicy selected = base.select(selection.target(), traceId);
            mode = selected != base ? "canary" : base.shadow() ? "shadow" : "enforce";
            chosen = Optional.of(selected);
        }
        Set<String> roles = new LinkedHashSet<>(identity.roles());
        roles.addAll(project.roles());
        PolicyContext context = new PolicyContext(traceId, surface, route, Optional.of(project.id()), selection.user(), selection.target(),
                key(identity), List.copyOf(roles), chosen.map(CompiledPolicy::id), safeHeaders);
        List<GuardrailStage> stages = new ArrayList<>(globalStages);
        chosen.ifPresent(policy -> stages.addAll(policy.guardrails()));
        return new PolicyEvaluation(context, format, new GuardrailChain(stages, metrics), chosen.map(CompiledPolicy::checks).orElse(List.of()),
                Optional.of(project), quotas, chosen, mode, this);
    }

    private static Optional<String> key(Identity identity) {
        return identity.anonymous() ? Optional.empty() : Optional.of(identity.keyName());
    }

    private static String allowedPolicies(ProjectConfig project) {
        List<String> allowed = new ArrayList<>();
        if (project.policy() != null) {
            allowed.add(project.policy());
        }
        allowed.addAll(project.allowedPolicies());
        return String.join(", ", allowed);
    }

    private ProjectConfig resolveProject(Identity identity, Selection selection) throws GatewayException {
        Optional<String> requested = selection.project();
        if (identity.jwt() && requested.isEmpty()) {
            throw permission("PROJECT_REQUIRED", "The X-Policy-Project header is required when authenticating with a JWT.");
        }
        Optional<String> projectId = requested.or(identity::project);
        if (projectId.isEmpty()) {
            throw permission("PROJECT_REQUIRED", identity.anonymous()
                    ? "The /policy surface needs a project: send X-Policy-Project (or policy_project_id in the body)."
                    : "The key '" + identity.keyName() + "' is not bound to a project, and the /policy surface needs one: bind the key to a "
                            + "project (auth.keys[].project) or send X-Policy-Project. Keys without a project may use /v1.");
        }
        String id = projectId.get();
        boolean permitted = identity.anonymous() || identity.jwt() || identity.project().filter(id::equals).isPresent()
                || identity.allowedProjects().contains(id);
        if (!permitted) {
            throw permission("PROJECT_NOT_ALLOWED", "The key '" + identity.keyName() + "' may not use project '" + id + "'.");
        }
        ProjectConfig project = projects.get(id);
        if (project == null) {
            throw permission("UNKNOWN_PROJECT", "Unknown project '" + id + "'.");
        }
        return project;
    }

    private static GatewayException permission(String code, String message) {
        return new GatewayException(ErrorCategory.PERMISSION, message, code, null, 0, null, null);
    }

    private CompiledPolicy inline(JsonNode policy) throws GatewayException {
        ArrayNode rules = PolicyCompiler.inlineRules(policy);
        try {
            PolicyConfigParser parser = new PolicyConfigParser(schema, "request body");
            ObjectNode definition = rules.objectNode().put("id", "inline");
            definition.set("rules", rules);
            PolicyDefinition parsed = parser.policies(rules.arrayNode().add(definition)).get("inline");
            for (PolicyRule rule : parsed.rules()) {
                if (rule.kind() == PolicyRule.Kind.RATE_LIMIT || rule.kind() == PolicyRule.Kind.COST || rule.kind() == PolicyRule.Kind.AUDIT) {
                    throw GatewayException.invalid("policy", "Inline policies cannot use kind '" + rule.kind().wireName()
                            + "' (it needs state across requests); link it to a project and use /policy.");
                }
            }
            return compiler.compile(parsed, "policy");
        } catch (ConfigException e) {
            throw GatewayException.invalid(e.path().replace("policies[0].rules", "policy.rules"), "Invalid inline policy: " + e.reason());
        }
    }

    /** Emits the request's policy event and decision metrics. */
    void record(PolicyEvaluation evaluation, Outcome outcome, String mode) {
        String policyId = evaluation.policyId().orElse(evaluation.context().surface().equals("policy") ? "none" : "plugins");
        for (RuleDecision decision : evaluation.decisions()) {
            decisionsTotal.inc(decision.policyId(), decision.ruleId(), decision.decision().wireName(), decision.reasonCode(),
                    decision.shadow() ? "shadow" : mode);
        }
        boolean policySurface = evaluation.context().surface().equals("policy");
        if (!policySurface && evaluation.decisions().isEmpty()) {
            return;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("mode", mode);
        attributes.put("surface", evaluation.context().surface());
        attributes.put("status", outcome.status());
        if (!outcome.provider().isEmpty()) {
            attributes.put("provider", outcome.provider());
            attributes.put("model", outcome.model());
            attributes.put("input_tokens", outcome.usage().inputTokens());
            attributes.put("output_tokens", outcome.usage().outputTokens());
            OptionalDouble cost = pricing.costUsd(outcome.provider(), outcome.model(), outcome.usage());
            if (cost.isPresent()) {
                attributes.put("cost_usd", String.format(java.util.Locale.ROOT, "%.6f", cost.getAsDouble()));
            } else if (outcome.usage().totalTokens() > 0) {
                attributes.put("unpriced", true);
            }
        }
        List<String> shadow = evaluation.decisions().stream().filter(RuleDecision::shadow)
                .map(decision -> decision.ruleId() + ":" + decision.decision().wireName() + ":" + decision.reasonCode()).toList();
        if (!shadow.isEmpty()) {
            attributes.put("shadow", String.join(",", shadow));
        }
        evaluation.context().keyName().ifPresent(key -> attributes.put("key", key));
        Decision decision = evaluation.decision();
        events.accept(new PolicyEvent(clock.instant(), "decision", policyId, decision.wireName(), evaluation.reasonCode(),
                evaluation.context().user(), evaluation.context().project(), evaluation.context().target(), evaluation.context().traceId(),
                evaluation.rulesFired(), attributes));
    }

    /** Closes every configured guardrail once (after the server stopped taking requests), then the compiler's sinks. */
    public void close() {
        Set<Guardrail> closed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<GuardrailStage> stages = new ArrayList<>(globalStages);
        for (CompiledPolicy policy : policies.values()) {
            stages.addAll(policy.guardrails());
            policy.canary().ifPresent(canary -> stages.addAll(canary.guardrails()));
        }
        for (GuardrailStage stage : stages) {
            if (closed.add(stage.guardrail())) {
                try {
                    stage.guardrail().close();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(PolicyEngine.class).warn("Closing guardrail {} failed: {}", stage.ruleId(), e.toString());
                }
            }
        }
        compiler.close();
    }
}
