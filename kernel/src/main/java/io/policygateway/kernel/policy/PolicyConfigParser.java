package io.policygateway.kernel.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ConfigException;
import io.policygateway.kernel.config.ConfigLoader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code policies:} and {@code projects:} strictly, validating every rule against the schema. */
public final class PolicyConfigParser {
    private static final Set<String> POLICY_KEYS = Set.of("id", "version", "mode", "rules", "canary", "description");
    private static final Set<String> CANARY_KEYS = Set.of("version", "rules", "targets", "percent");

    private final PolicyRuleSchema schema;
    private final String source;

    public PolicyConfigParser(PolicyRuleSchema schema, String source) {
        this.schema = schema;
        this.source = source;
    }

    public Map<String, PolicyDefinition> policies(JsonNode node) {
        Map<String, PolicyDefinition> policies = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return policies;
        }
        if (!node.isArray()) {
            throw new ConfigException(source, "policies", "expected a list of policies ({id, rules: [...]})");
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "policies[" + i + "]";
            JsonNode policy = node.get(i);
            requireObject(policy, path, POLICY_KEYS);
            String id = requireText(policy, "id", path);
            if (policies.containsKey(id)) {
                throw new ConfigException(source, path + ".id", "policy '" + id + "' is defined twice");
            }
            String mode = policy.path("mode").asText("enforce");
            if (!mode.equals("enforce") && !mode.equals("shadow")) {
                throw new ConfigException(source, path + ".mode", "must be enforce or shadow");
            }
            List<PolicyRule> rules = rules(policy.get("rules"), id, path + ".rules");
            Optional<PolicyDefinition.Canary> canary = Optional.empty();
            if (policy.hasNonNull("canary")) {
                JsonNode canaryNode = policy.get("canary");
                requireObject(canaryNode, path + ".canary", CANARY_KEYS);
                List<String> targets = new ArrayList<>();
                canaryNode.path("targets").forEach(target -> targets.add(target.asText()));
                try {
                    canary = Optional.of(new PolicyDefinition.Canary(canaryNode.path("version").asInt(policy.path("version").asInt(1) + 1),
                            rules(canaryNode.get("rules"), id, path + ".canary.rules"), targets, canaryNode.path("percent").asDouble(0)));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(source, path + ".canary", e.getMessage());
                }
            }
            policies.put(id, new PolicyDefinition(id, policy.path("version").asInt(1), mode.equals("shadow"), rules, canary));
        }
        return policies;
    }

    private List<PolicyRule> rules(JsonNode node, String policyId, String path) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ConfigException(source, path, "expected a list of AIGatewayPolicy rules");
        }
        List<PolicyRule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String rulePath = path + "[" + i + "]";
            JsonNode rule = node.get(i);
            schema.validate(rule, source, rulePath);
            if (!rule.path("enabled").asBoolean(true)) {
                continue;
            }
            String mode = rule.path("mode").asText("enforce");
            if (!mode.equals("enforce") && !mode.equals("shadow")) {
                throw new ConfigException(source, rulePath + ".mode", "must be enforce or shadow");
            }
            rules.add(new PolicyRule(rule.get("policyId").asText(), policyId, PolicyRule.Kind.of(rule.get("kind").asText()),
                    PolicyRule.Stage.of(rule.get("stage").asText()), PolicyRule.Scope.of(rule.get("scope").asText()), mode.equals("shadow"),
                    (ObjectNode) rule));
        }
        return rules;
    }

    public Map<String, ProjectConfig> projects(JsonNode node, Map<String, PolicyDefinition> policies) {
        Map<String, ProjectConfig> projects = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return projects;
        }
        if (!node.isArray()) {
            throw new ConfigException(source, "projects", "expected a list of projects ({id, policy, quotas, budget})");
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "projects[" + i + "]";
            ProjectConfig project = ConfigLoader.bind(node.get(i), ProjectConfig.class, source, path);
            if (projects.containsKey(project.id())) {
                throw new ConfigException(source, path + ".id", "project '" + project.id() + "' is defined twice");
            }
            if (project.policy() != null && !policies.containsKey(project.policy())) {
                throw new ConfigException(source, path + ".policy", "no policy with id '" + project.policy() + "' (defined: "
                        + String.join(", ", policies.keySet()) + ")");
            }
            for (String allowed : project.allowedPolicies()) {
                if (!policies.containsKey(allowed)) {
                    throw new ConfigException(source, path + ".allowed_policies", "no policy with id '" + allowed + "'");
                }
            }
            projects.put(project.id(), project);
        }
        return projects;
    }

    private void requireObject(JsonNode node, String path, Set<String> keys) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(source, path, "expected a mapping");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!keys.contains(name)) {
                throw new ConfigException(source, path + "." + name, "unknown key (known keys: " + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
            }
        }
    }

    private String requireText(JsonNode node, String key, String path) {
        if (!node.path(key).isTextual() || node.path(key).asText().isBlank()) {
            throw new ConfigException(source, path + "." + key, "is required");
        }
        return node.path(key).asText();
    }
}
