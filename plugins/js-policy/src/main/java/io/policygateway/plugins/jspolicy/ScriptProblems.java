package io.policygateway.plugins.jspolicy;

import io.policygateway.plugins.jspolicy.CallOutcome.Failed;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/** Builds {@link ScriptProblem}s from what the engine reported while loading a script. */
final class ScriptProblems {
    private static final Pattern POSITION_IN_MESSAGE = Pattern.compile("\\S+\\.js:\\d+(:\\d+)?\\s+");
    private static final Pattern LOCATION = Pattern.compile(".*:(\\d+)");

    private ScriptProblems() {
    }

    /** A syntax error, at its line and column in the file. */
    static ScriptProblem fromSyntax(ScriptSource script, PolyglotException error) {
        SourceSection section = error.getSourceLocation();
        int line = section == null ? 0 : section.getStartLine();
        int column = section == null ? 0 : section.getStartColumn();
        if (section != null && section.getSource().equals(script.wrapped())) {
            column = ScriptSource.fileColumn(line, column);
        }
        return new ScriptProblem(script.name(), line, column, firstLine(error.getMessage()));
    }

    /** The top level threw, ran too long or allocated too much when the script was loaded. */
    static ScriptProblem fromLoad(String name, Failed failed) {
        Matcher location = LOCATION.matcher(failed.location());
        int line = location.matches() ? Integer.parseInt(location.group(1)) : 0;
        String message = firstLine(failed.message());
        if (failed.kind() == FailureKind.ERROR && !failed.message().isBlank()
                && failed.detail().startsWith("threw ") && message.startsWith(failed.detail().substring(6))) {
            return new ScriptProblem(name, line, 0, "the top level threw " + message);
        }
        String suffix = failed.message().isBlank() ? "" : ": " + message;
        return new ScriptProblem(name, line, 0, "the top level " + describe(failed) + suffix);
    }

    private static String describe(Failed failed) {
        return switch (failed.kind()) {
            case TIMEOUT -> "ran longer than the timeout";
            case MEMORY -> "allocated more than the memory limit";
            case ERROR, INVALID_RESULT, MISSING, INTERNAL -> failed.detail();
        };
    }

    /** The message's first line without the {@code file:line:column} GraalJS puts in front of it. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String first = message.strip().lines().findFirst().orElse("");
        return POSITION_IN_MESSAGE.matcher(first).replaceFirst("");
    }
}
