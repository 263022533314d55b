package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

/** What one call into a script produced, before it is read as a decision. */
sealed interface CallOutcome {

    /**
     * The call returned.
     *
     * @param value for a hook, {@code {"result": <the hook's return value>}} as JSON text; when a
     *     script is loaded, the names of the hooks it defines, comma-separated
     */
    record Returned(String value) implements CallOutcome {
        public Returned {
            requireNonNull(value, "value is null");
        }
    }

    /**
     * The hook produced no result.
     *
     * @param kind why
     * @param detail a short explanation for logs (error type and position); never request text
     * @param location {@code file:line} of the failing statement, or empty
     * @param message the script's own error message, which may contain request text (debug logs only)
     */
    record Failed(FailureKind kind, String detail, String location, String message) implements CallOutcome {
        public Failed {
            requireNonNull(kind, "kind is null");
            requireNonNull(detail, "detail is null");
            requireNonNull(location, "location is null");
            requireNonNull(message, "message is null");
        }

        static Failed of(FailureKind kind, String detail) {
            return new Failed(kind, detail, "", "");
        }
    }
}
