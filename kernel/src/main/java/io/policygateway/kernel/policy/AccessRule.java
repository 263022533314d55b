package io.policygateway.kernel.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.GatewayException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code kind: access}: the caller needs one of {@code roles}; the model must match {@code allowedModels} and not {@code deniedModels} (globs with {@code *}). */
final class AccessRule implements RuleCheck {
    private final PolicyRule rule;
    private final List<String> roles;
    private final List<Pattern> allowed;
    private final List<Pattern> denied;

    AccessRule(PolicyRule rule) {
        this.rule = rule;
        JsonNode access = rule.section();
        this.roles = strings(access.path("roles"));
        this.allowed = strings(access.path("allowedModels")).stream().map(AccessRule::glob).toList();
        this.denied = strings(access.path("deniedModels")).stream().map(AccessRule::glob).toList();
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public PolicyRule rule() {
        return rule;
    }

    @Override
    public Admitted admit(RuleInput input) throws GatewayException {
        if (!roles.isEmpty() && input.context().roles().stream().noneMatch(roles::contains)) {
            throw GatewayException.policy("ROLE_NOT_ALLOWED", "Rule " + rule.id() + " requires one of the roles " + roles + ".");
        }
        String model = input.model();
        if (denied.stream().anyMatch(pattern -> pattern.matcher(model).matches())) {
            throw GatewayException.policy("MODEL_DENIED", "Rule " + rule.id() + " denies the model '" + model + "'.");
        }
        if (!allowed.isEmpty() && allowed.stream().noneMatch(pattern -> pattern.matcher(model).matches())) {
            throw GatewayException.policy("MODEL_NOT_ALLOWED", "Rule " + rule.id() + " allows only the models " + strings(rule.section().path("allowedModels")) + ".");
        }
        return Admitted.NOTHING;
    }
}
