package io.policygateway.plugins.jspolicy;

/** What a request gets when its policy script cannot decide (timeout, memory limit, error, bad result). */
enum FailMode {
    /** The request goes on; the failure is recorded as a {@code log-only} decision. */
    OPEN,
    /** The request is blocked with the failure's reason code. */
    CLOSED
}
