package io.policygateway.plugins.mcp.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Which tools pass: a name passes when it matches the allow list (or there is none) and matches
 * no entry of the deny list. Deny wins over allow.
 *
 * @param allow when present, only names matching one of these pass (an empty list lets nothing pass)
 * @param deny names matching one of these never pass
 */
public record ToolFilter(Optional<List<NamePattern>> allow, List<NamePattern> deny) {

    /** Lets every tool pass. */
    public static final ToolFilter ALL = new ToolFilter(Optional.empty(), List.of());

    public ToolFilter {
        requireNonNull(allow, "allow is null");
        allow = allow.map(List::copyOf);
        deny = List.copyOf(deny);
    }

    public boolean permits(String name) {
        boolean allowed = allow.map(patterns -> matchesAny(patterns, name)).orElse(true);
        return allowed && !matchesAny(deny, name);
    }

    private static boolean matchesAny(List<NamePattern> patterns, String name) {
        for (NamePattern pattern : patterns) {
            if (pattern.matches(name)) {
                return true;
            }
        }
        return false;
    }
}
