package io.policygateway.kernel.auth;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Who called: a gateway key (by name), or nobody in local dev mode.
 *
 * @param keyName the key's configured name; {@code anonymous} in dev mode
 * @param project the project the key is bound to, if any
 * @param allowedProjects projects the caller may select with {@code X-Policy-Project}
 * @param roles the caller's roles
 * @param anonymous true in local dev mode (no keys configured)
 * @param jwt true when the caller presented a JWT (then it must name its project)
 */
public record Identity(String keyName, Optional<String> project, List<String> allowedProjects, List<String> roles, boolean anonymous,
        boolean jwt) {
    public Identity {
        requireNonNull(keyName, "keyName is null");
        requireNonNull(project, "project is null");
        allowedProjects = List.copyOf(allowedProjects);
        roles = List.copyOf(roles);
    }

    public static Identity anonymousCaller() {
        return new Identity("anonymous", Optional.empty(), List.of(), List.of(), true, false);
    }
}
