package io.policygateway.api.guardrail;

/**
 * What a rule or guardrail decided. When several decide on one request, the most severe wins, in
 * the order of declaration from least to most severe... except that {@link #LOG_ONLY} ranks lowest.
 */
public enum Decision {
    LOG_ONLY("log-only"),
    ALLOW("allow"),
    WARN("warn"),
    REWRITE("rewrite"),
    BLOCK("block");

    private final String wireName;

    Decision(String wireName) {
        this.wireName = wireName;
    }

    /** The name in responses, events and config ({@code log-only}, {@code allow}, …). */
    public String wireName() {
        return wireName;
    }

    /** The more severe of two decisions. */
    public Decision max(Decision other) {
        return severity() >= other.severity() ? this : other;
    }

    private int severity() {
        return switch (this) {
            case LOG_ONLY -> 0;
            case ALLOW -> 1;
            case WARN -> 2;
            case REWRITE -> 3;
            case BLOCK -> 4;
        };
    }
}
