package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Why a script file could not be loaded, with its position when known.
 *
 * @param file the file name inside the policies folder
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong, without the position
 */
public record ScriptProblem(String file, int line, int column, String message) {
    public ScriptProblem {
        requireNonNull(file, "file is null");
        requireNonNull(message, "message is null");
    }

    /** The problem as compilers print it: {@code file:line:column: message}. */
    @Override
    public String toString() {
        return position(file);
    }

    /** The same, with the file's path in {@code directory}: {@code policies/file.js:line:column: message}. */
    public String toString(Path directory) {
        return position(directory.resolve(file).toString());
    }

    private String position(String where) {
        if (line <= 0) {
            return where + ": " + message;
        }
        return where + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }
}
