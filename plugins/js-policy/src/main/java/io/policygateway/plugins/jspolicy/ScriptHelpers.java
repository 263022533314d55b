package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host side of {@code gateway.log} and {@code gateway.hash} for one script context. The
 * sandbox wraps these callbacks in plain JavaScript functions, so scripts never hold a host object.
 * Used by one call at a time (a context is single-threaded).
 */
final class ScriptHelpers {
    /** Lines a single call may log; further lines are dropped and counted in one last line. */
    static final int MAX_LINES_PER_CALL = 20;
    /** Characters kept of one logged message. */
    static final int MAX_LINE_LENGTH = 1_000;

    private static final Logger SCRIPT_LOG = LoggerFactory.getLogger("io.policygateway.plugins.jspolicy.script");
    private static final HexFormat HEX = HexFormat.of();

    private final String scriptName;
    private String traceId = "none";
    private int lines;

    ScriptHelpers(String scriptName) {
        this.scriptName = requireNonNull(scriptName, "scriptName is null");
    }

    /** Called before each hook call: resets the line budget and names the request in log lines. */
    void startCall(String traceId) {
        this.traceId = requireNonNull(traceId, "traceId is null");
        this.lines = 0;
    }

    ProxyExecutable log() {
        return arguments -> {
            log(text(arguments, 0), text(arguments, 1));
            return null;
        };
    }

    ProxyExecutable hash() {
        return arguments -> sha256(text(arguments, 0));
    }

    private void log(String level, String message) {
        lines++;
        if (lines > MAX_LINES_PER_CALL) {
            if (lines == MAX_LINES_PER_CALL + 1) {
                SCRIPT_LOG.warn("[{}] trace_id={} more than {} log lines in one call; dropping the rest",
                        scriptName, traceId, MAX_LINES_PER_CALL);
            }
            return;
        }
        String line = message.length() > MAX_LINE_LENGTH ? message.substring(0, MAX_LINE_LENGTH) + "…" : message;
        switch (level.toLowerCase(Locale.ROOT)) {
            case "error" -> SCRIPT_LOG.error("[{}] trace_id={} {}", scriptName, traceId, line);
            case "warn", "warning" -> SCRIPT_LOG.warn("[{}] trace_id={} {}", scriptName, traceId, line);
            case "debug" -> SCRIPT_LOG.debug("[{}] trace_id={} {}", scriptName, traceId, line);
            default -> SCRIPT_LOG.info("[{}] trace_id={} {}", scriptName, traceId, line);
        }
    }

    private static String text(Value[] arguments, int index) {
        if (index >= arguments.length || !arguments[index].isString()) {
            return "";
        }
        return arguments[index].asString();
    }

    /** The lower-case hex SHA-256 of the text's UTF-8 bytes: the same value for the same text, always. */
    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
