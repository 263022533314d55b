package io.policygateway.kernel.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Formats java.util.logging records (which SLF4J routes here) as one JSON object per line, or as
 * readable text for local development. Every line passes through {@link SecretMasker}.
 */
public final class LogFormatter extends Formatter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final boolean json;

    public LogFormatter(boolean json) {
        this.json = json;
    }

    @Override
    public String format(LogRecord record) {
        String message = SecretMasker.mask(formatMessage(record));
        String thrown = record.getThrown() == null ? null : SecretMasker.mask(stackTrace(record.getThrown()));
        String time = timestamp(Instant.ofEpochMilli(record.getMillis()));
        String level = levelName(record.getLevel());
        if (!json) {
            return time + " " + level + " [" + shortName(record.getLoggerName()) + "] " + message
                    + (thrown == null ? "" : System.lineSeparator() + thrown) + System.lineSeparator();
        }
        StringBuilder out = new StringBuilder(160 + message.length());
        out.append("{\"ts\":\"").append(time).append("\",\"level\":\"").append(level).append("\",\"logger\":");
        Json.appendString(out, record.getLoggerName());
        out.append(",\"msg\":");
        Json.appendString(out, message);
        if (thrown != null) {
            out.append(",\"error\":");
            Json.appendString(out, thrown);
        }
        return out.append("}\n").toString();
    }

    /** The {@code ts} of every log line: UTC, always with milliseconds, e.g. {@code 2025-08-15T09:30:00.120Z}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "error";
        }
        if (value >= Level.WARNING.intValue()) {
            return "warn";
        }
        if (value >= Level.INFO.intValue()) {
            return "info";
        }
        return "debug";
    }

    private static String shortName(String logger) {
        if (logger == null) {
            return "";
        }
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString().strip();
    }
}
