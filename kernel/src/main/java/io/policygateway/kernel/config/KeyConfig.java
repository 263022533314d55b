package io.policygateway.kernel.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One gateway API key in {@code auth.keys}. Only the SHA-256 of the key is stored
 * ({@code bin/policy-gateway keygen} prints a key and its hash).
 *
 * @param name a label for logs and events (never the key)
 * @param sha256 lower-case hex SHA-256 of the key
 * @param project the project the key is bound to, if any
 * @param projects further projects {@code X-Policy-Project} may select with this key
 * @param roles the key's roles
 */
public record KeyConfig(String name, String sha256, String project, List<String> projects, List<String> roles) {
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    public KeyConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (sha256 == null) {
            throw new IllegalArgumentException("sha256 is required (run 'bin/policy-gateway keygen')");
        }
        sha256 = sha256.trim().toLowerCase(Locale.ROOT);
        if (sha256.startsWith("sha256:")) {
            sha256 = sha256.substring("sha256:".length());
        }
        if (!HEX_64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 hex characters (the SHA-256 of the key, not the key itself)");
        }
        projects = projects == null ? List.of() : List.copyOf(projects);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
