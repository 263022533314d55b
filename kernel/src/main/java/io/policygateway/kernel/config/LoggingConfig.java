package io.policygateway.kernel.config;

import java.util.Locale;
import java.util.Set;

/**
 * {@code logging:} — stdout logging.
 *
 * @param level {@code error}, {@code warn}, {@code info} (default) or {@code debug}
 * @param format {@code json} (default, one object per line) or {@code text} (for local development)
 */
public record LoggingConfig(String level, String format) {
    private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug");
    private static final Set<String> FORMATS = Set.of("json", "text");

    public LoggingConfig {
        level = level == null ? "info" : level.toLowerCase(Locale.ROOT);
        format = format == null ? "json" : format.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("level must be one of error, warn, info, debug; got '" + level + "'");
        }
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("format must be json or text; got '" + format + "'");
        }
    }

    public static LoggingConfig defaults() {
        return new LoggingConfig(null, null);
    }
}
