package io.policygateway.kernel.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ConfigException;
import io.policygateway.api.guardrail.Decision;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kind: transformation} (the schema lists the kind without a section; the gateway reads
 * {@code transformation: {system_prompt, system_prompt_mode: prepend|replace|append, model, parameters}}).
 * Rewrites the request; the decision is {@code rewrite} with reason code {@code REWRITE}.
 */
final class TransformationRule implements RuleCheck {
    private static final Set<String> KEYS = Set.of("system_prompt", "system_prompt_mode", "model", "parameters");

    private final PolicyRule rule;
    private final String systemPrompt;
    private final String mode;
    private final String model;
    private final ObjectNode parameters;

    TransformationRule(PolicyRule rule, String source, String path) {
        this.rule = rule;
        JsonNode section = rule.section();
        section.fieldNames().forEachRemaining(name -> {
            if (!KEYS.contains(name)) {
                throw new ConfigException(source, path + ".transformation." + name, "unknown key (known keys: model, parameters, system_prompt, system_prompt_mode)");
            }
        });
        this.systemPrompt = section.path("system_prompt").isTextual() ? section.path("system_prompt").asText() : null;
        this.mode = section.path("system_prompt_mode").asText("prepend");
        if (!Set.of("prepend", "replace", "append").contains(mode)) {
            throw new ConfigException(source, path + ".transformation.system_prompt_mode", "must be prepend, replace or append");
        }
        this.model = section.path("model").isTextual() ? section.path("model").asText() : null;
        this.parameters = section.path("parameters").isObject() ? (ObjectNode) section.path("parameters") : null;
        if (systemPrompt == null && model == null && parameters == null) {
            throw new ConfigException(source, path + ".transformation", "set at least one of system_prompt, model, parameters");
        }
    }

    @Override
    public PolicyRule rule() {
        return rule;
    }

    @Override
    public Admitted admit(RuleInput input) {
        ObjectNode body = input.body().deepCopy();
        if (systemPrompt != null) {
            ArrayNode messages = (ArrayNode) body.withArray("messages");
            if (mode.equals("replace")) {
                for (int i = messages.size() - 1; i >= 0; i--) {
                    if (messages.get(i).path("role").asText().equals("system")) {
                        messages.remove(i);
                    }
                }
            }
            ObjectNode system = body.objectNode().put("role", "system").put("content", systemPrompt);
            if (mode.equals("append")) {
                int last = -1;
                for (int i = 0; i < messages.size(); i++) {
                    if (messages.get(i).path("role").asText().equals("system")) {
                        last = i;
                    }
                }
                messages.insert(last + 1, system);
            } else {
                messages.insert(0, system);
            }
        }
        if (model != null) {
            body.put("model", model);
        }
        if (parameters != null) {
            body.setAll(parameters.deepCopy());
        }
        RuleDecision decision = new RuleDecision(rule.id(), rule.policy(), Decision.REWRITE, "REWRITE", "request transformed", rule.shadow(), Map.of());
        return new Admitted() {
            @Override
            public Optional<ObjectNode> rewritten() {
                return Optional.of(body);
            }

            @Override
            public Optional<RuleDecision> decision() {
                return Optional.of(decision);
            }
        };
    }
}
