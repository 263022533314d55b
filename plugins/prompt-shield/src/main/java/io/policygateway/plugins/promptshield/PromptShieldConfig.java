package io.policygateway.plugins.promptshield;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.plugins.promptshield.classifier.SignalFamily;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * prompt-shield's settings.
 *
 * @param threshold the score at or above which the action applies (default 0.5)
 * @param action what to do above the threshold (default block)
 * @param families the signal families that count ({@code categories}; default all)
 * @param roles the message roles scanned (default user, tool, function)
 */
record PromptShieldConfig(double threshold, GuardrailAction action, Set<SignalFamily> families, Set<String> roles) {
    static final double DEFAULT_THRESHOLD = 0.5;
    static final List<String> DEFAULT_ROLES = List.of("user", "tool", "function");
    private static final Set<String> KNOWN_ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    PromptShieldConfig {
        requireNonNull(action, "action is null");
        families = Set.copyOf(families);
        roles = Set.copyOf(roles);
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within (0, 1]");
        }
    }

    static PromptShieldConfig from(PluginConfig raw) {
        PluginConfig config = raw.requireOnly("threshold", "action", "categories", "roles");
        double threshold = config.decimal("threshold", DEFAULT_THRESHOLD);
        if (!(threshold > 0 && threshold <= 1)) {
            throw config.error("threshold", "expected a number above 0 and at most 1, got " + threshold);
        }
        GuardrailAction action = GuardrailAction.from(config, "prompt-shield");
        Set<SignalFamily> families = EnumSet.noneOf(SignalFamily.class);
        List<String> categories = config.strings("categories");
        for (int i = 0; i < categories.size(); i++) {
            families.addAll(familiesOf(categories.get(i), config, i));
        }
        if (families.isEmpty()) {
            families = EnumSet.allOf(SignalFamily.class);
        }
        List<String> roleList = config.has("roles") ? config.strings("roles") : DEFAULT_ROLES;
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < roleList.size(); i++) {
            if (!KNOWN_ROLES.contains(roleList.get(i))) {
                throw config.error("roles[" + i + "]", "expected one of system, developer, user, assistant, tool, function, got '"
                        + roleList.get(i) + "'");
            }
            roles.add(roleList.get(i));
        }
        if (roles.isEmpty()) {
            throw config.error("roles", "needs at least one role to scan");
        }
        return new PromptShieldConfig(threshold, action, families, roles);
    }

    /** A category: a family name, or {@code prompt-injection} (all) or {@code jailbreak} (role-play jailbreaks). */
    private static Set<SignalFamily> familiesOf(String category, PluginConfig config, int index) {
        String name = category.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        if (name.equals("prompt_injection") || name.equals("all")) {
            return EnumSet.allOf(SignalFamily.class);
        }
        if (name.equals("jailbreak")) {
            return EnumSet.of(SignalFamily.ROLEPLAY_JAILBREAK);
        }
        return SignalFamily.fromWireName(name).map(EnumSet::of).orElseThrow(() -> config.error("categories[" + index + "]",
                "unknown category '" + category + "' (known: prompt-injection, jailbreak, instruction_override, "
                        + "roleplay_jailbreak, system_prompt_extraction, delimiter_injection, indirect_injection, "
                        + "obfuscation, payload_splitting)"));
    }
}
