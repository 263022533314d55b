package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * One {@code AIGatewayPolicy} rule (seed 003), validated against the shipped JSON Schema.
 *
 * @param id the rule's {@code policyId}
 * @param policy the policy (named set of rules) it belongs to
 * @param kind what it controls
 * @param stage when it runs
 * @param scope to whom it applies and what its counters are keyed by
 * @param shadow {@code mode: shadow}: evaluated and reported, never enforced
 * @param raw the whole rule object, for the per-kind section
 */
public record PolicyRule(String id, String policy, Kind kind, Stage stage, Scope scope, boolean shadow, ObjectNode raw) {
    public PolicyRule {
        requireNonNull(id, "id is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(stage, "stage is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(raw, "raw is null");
    }

    /** The per-kind section, e.g. {@code guardrail} or {@code rateLimit}; empty object when absent. */
    public JsonNode section() {
        return raw.path(kind.section);
    }

    public boolean runsBeforeRequest() {
        return stage == Stage.REQUEST || stage == Stage.BOTH;
    }

    public boolean runsAfterResponse() {
        return stage == Stage.RESPONSE || stage == Stage.BOTH;
    }

    /** Seed 003's {@code kind} values. */
    public enum Kind {
        GUARDRAIL("guardrail", "guardrail"), COST("cost", "cost"), RATE_LIMIT("rate-limit", "rateLimit"), ACCESS("access", "access"),
        DATA_RESIDENCY("data-residency", "dataResidency"), AUDIT("audit", "audit"), TRANSFORMATION("transformation", "transformation");

        final String wireName;
        final String section;

        Kind(String wireName, String section) {
            this.wireName = wireName;
            this.section = section;
        }

        public String wireName() {
            return wireName;
        }

        static Kind of(String name) {
            for (Kind kind : values()) {
                if (kind.wireName.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown kind " + name);
        }
    }

    /** Seed 003's {@code stage} values. */
    public enum Stage {
        REQUEST, RESPONSE, BOTH, BACKGROUND;

        static Stage of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** Seed 003's {@code scope} values. */
    public enum Scope {
        GLOBAL, TENANT, TEAM, ROUTE, VIRTUAL_KEY, USER;

        static Scope of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
