package io.policygateway.plugins.jspolicy;

import io.policygateway.plugins.jspolicy.CallOutcome.Failed;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/** Turns what a failed script call threw into a {@link Failed} outcome. */
final class ScriptFailures {
    private static final Pattern ERROR_NAME = Pattern.compile("([A-Z][A-Za-z]{0,40}Error)\\b");

    private ScriptFailures() {
    }

    /**
     * @param scriptName the file name, to find the script's own frame in the stack trace
     * @param cancelledFor the watchdog's reason when it cancelled the call, else null
     */
    static Failed describe(String scriptName, FailureKind cancelledFor, PolyglotException error) {
        String location = location(scriptName, error);
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (cancelledFor != null) {
            return new Failed(cancelledFor, cancelledFor.label(), location, "");
        }
        if (error.isResourceExhausted()) {
            FailureKind kind = message.contains("heap") ? FailureKind.MEMORY : FailureKind.ERROR;
            return new Failed(kind, "resource exhausted", location, message);
        }
        if (error.isInternalError() || error.isCancelled() || !error.isGuestException()) {
            return new Failed(FailureKind.INTERNAL, "engine failure: " + error.getClass().getSimpleName(), location, message);
        }
        return new Failed(FailureKind.ERROR, "threw " + thrownKind(error, message), location, message);
    }

    /** {@code file:line} of the innermost frame in the script itself, or empty. */
    static String location(String scriptName, PolyglotException error) {
        for (PolyglotException.StackFrame frame : error.getPolyglotStackTrace()) {
            SourceSection section = frame.getSourceLocation();
            if (frame.isGuestFrame() && section != null && section.getSource().getName().equals(scriptName)) {
                return scriptName + ":" + section.getStartLine();
            }
        }
        SourceSection section = error.getSourceLocation();
        if (section != null && section.getSource().getName().equals(scriptName)) {
            return scriptName + ":" + section.getStartLine();
        }
        return "";
    }

    /** Names what was thrown from type checks and the message only: no getter of the script runs here. */
    private static String thrownKind(PolyglotException error, String message) {
        Value thrown = error.getGuestObject();
        if (thrown == null || thrown.isNull()) {
            return "a non-Error value (" + (thrown == null ? "undefined" : "null") + ")";
        }
        if (thrown.isException()) {
            Matcher name = ERROR_NAME.matcher(message);
            return name.lookingAt() ? name.group(1) : "an Error";
        }
        if (thrown.isString()) {
            return "a non-Error value (string)";
        }
        if (thrown.isNumber()) {
            return "a non-Error value (number)";
        }
        if (thrown.isBoolean()) {
            return "a non-Error value (boolean)";
        }
        return "a non-Error value (object)";
    }
}
