package io.policygateway.api.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One decision, as recorded in {@code logs/policy-events.log}, the event store and any
 * configured sink. Never carries prompt or response text.
 *
 * @param time when the decision was made
 * @param type {@code decision}, {@code tool_call}, {@code script_error}, … 
 * @param policyId the deciding policy, or {@code none}
 * @param decision {@code allow}, {@code rewrite}, {@code warn}, {@code block} or {@code log-only}
 * @param reasonCode the reason code
 * @param user the {@code X-Policy-User}, if any
 * @param project the project, if any
 * @param target the target label, if any
 * @param traceId the request's trace id
 * @param rules ids of the rules that fired
 * @param attributes further facts (mode, version, tool, duration…); strings, numbers, booleans
 */
public record PolicyEvent(Instant time, String type, String policyId, String decision, String reasonCode,
        Optional<String> user, Optional<String> project, Optional<String> target, String traceId,
        List<String> rules, Map<String, Object> attributes) {

    public PolicyEvent {
        requireNonNull(time, "time is null");
        requireNonNull(type, "type is null");
        requireNonNull(policyId, "policyId is null");
        requireNonNull(decision, "decision is null");
        requireNonNull(reasonCode, "reasonCode is null");
        requireNonNull(user, "user is null");
        requireNonNull(project, "project is null");
        requireNonNull(target, "target is null");
        requireNonNull(traceId, "traceId is null");
        rules = List.copyOf(rules);
        attributes = Map.copyOf(attributes);
    }
}
