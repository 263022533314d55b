package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import org.graalvm.polyglot.Source;

/**
 * A script file's text prepared for the engine, identified by a hash of its content.
 *
 * <p>The text is wrapped in a strict-mode function whose body is the script and which returns the
 * hooks it defines. Each call runs that function anew, so top-level state never survives a call.
 * The prefix sits on the script's first line, so line numbers in errors match the file. Before
 * wrapping, the text must parse as a standalone script ({@link #standalone()}): that rules out
 * text that would close the wrapper early and run code outside it.
 *
 * @param name the file name, used as the source name in errors and stack traces
 * @param version the first 12 hex digits of the text's SHA-256
 * @param standalone the unwrapped text, only ever parsed
 * @param wrapped the wrapped text, cached on the shared engine
 */
record ScriptSource(String name, String version, Source standalone, Source wrapped) {
    static final String PREFIX = "(function (gateway) {'use strict';";
    static final String SUFFIX = "\n;return {"
            + "onRequest: typeof onRequest === 'function' ? onRequest : undefined, "
            + "onResponse: typeof onResponse === 'function' ? onResponse : undefined, "
            + "onStreamChunk: typeof onStreamChunk === 'function' ? onStreamChunk : undefined};\n})";

    ScriptSource {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(standalone, "standalone is null");
        requireNonNull(wrapped, "wrapped is null");
    }

    static ScriptSource of(String name, String text) {
        requireNonNull(name, "name is null");
        requireNonNull(text, "text is null");
        String version = ScriptHelpers.sha256(text).substring(0, 12);
        Source standalone = Source.newBuilder("js", text, name).cached(false).buildLiteral();
        Source wrapped = Source.newBuilder("js", PREFIX + text + SUFFIX, name).cached(true).buildLiteral();
        return new ScriptSource(name, version, standalone, wrapped);
    }

    /** Turns a column reported against the wrapped text back into the file's column. */
    static int fileColumn(int line, int column) {
        return line == 1 && column > PREFIX.length() ? column - PREFIX.length() : column;
    }
}
