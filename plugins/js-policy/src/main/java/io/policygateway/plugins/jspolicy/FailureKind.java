package io.policygateway.plugins.jspolicy;

/** Why a script call produced no decision. Each kind has its own reason code in verdicts and events. */
enum FailureKind {
    /** The call ran longer than its {@code timeout} and was cancelled. */
    TIMEOUT("SCRIPT_TIMEOUT", "timeout"),
    /** The call allocated more than its {@code memory} budget and was cancelled. */
    MEMORY("SCRIPT_MEMORY_LIMIT", "memory limit"),
    /** The script threw, overflowed its stack or hit an engine limit. */
    ERROR("SCRIPT_ERROR", "error"),
    /** The hook returned something that is not a valid decision. */
    INVALID_RESULT("SCRIPT_INVALID_RESULT", "invalid result"),
    /** The named script file is gone (deleted) or never loaded. */
    MISSING("SCRIPT_MISSING", "missing"),
    /** The gateway could not run the script (no context could be created, interrupted). */
    INTERNAL("SCRIPT_ERROR", "internal error");

    private final String reasonCode;
    private final String label;

    FailureKind(String reasonCode, String label) {
        this.reasonCode = reasonCode;
        this.label = label;
    }

    String reasonCode() {
        return reasonCode;
    }

    /** A short lower-case label for messages, events and metric labels. */
    String label() {
        return label;
    }
}
