package io.policygateway.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is asking, on whose behalf, through which surface: resolved by the kernel from the
 * credential, the {@code X-Policy-*} headers and their body aliases before any stage runs.
 *
 * @param traceId the request's trace id (W3C trace-id hex or the caller's {@code x-request-id})
 * @param surface {@code v1} or {@code policy}
 * @param route the endpoint path without the surface prefix, e.g. {@code /chat/completions}
 * @param project the project the request belongs to, if any
 * @param user the end user ({@code X-Policy-User}), if any
 * @param target the free-form target label ({@code X-Policy-Target}), if any
 * @param keyName the name of the gateway key or JWT subject that authenticated the call, if any
 * @param roles the roles of that credential
 * @param policyId the policy named by the request or linked to the project, if any
 * @param headers request headers a rule may match on (lower-case names; credentials removed)
 */
public record PolicyContext(
        String traceId,
        String surface,
        String route,
        Optional<String> project,
        Optional<String> user,
        Optional<String> target,
        Optional<String> keyName,
        List<String> roles,
        Optional<String> policyId,
        Map<String, String> headers) {

    public PolicyContext {
        requireNonNull(traceId, "traceId is null");
        requireNonNull(surface, "surface is null");
        requireNonNull(route, "route is null");
        requireNonNull(project, "project is null");
        requireNonNull(user, "user is null");
        requireNonNull(target, "target is null");
        requireNonNull(keyName, "keyName is null");
        roles = List.copyOf(roles);
        requireNonNull(policyId, "policyId is null");
        headers = Map.copyOf(headers);
    }

    /** A context for calls made outside any client request (tests, probes, background jobs). */
    public static PolicyContext anonymous(String traceId) {
        return new PolicyContext(traceId, "v1", "/chat/completions", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Map.of());
    }
}
