package io.policygateway.plugins.requestlogger;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The validated configuration of one request-logger instance.
 *
 * @param destination where records go ({@code jdbc_url}, {@code user}, {@code password}; default
 *     SQLite in {@code <data>/request-log.db})
 * @param table the table name ({@code table}; default {@code request_log})
 * @param logBodies whether request and response bodies are stored ({@code log_bodies}; default false)
 * @param maxBodyChars bodies longer than this are cut ({@code max_body_chars}; default 65536)
 * @param queueCapacity records waiting to be written before new ones are dropped
 *     ({@code queue_capacity}; default 10000)
 * @param batchSize the most records written in one transaction ({@code batch_size}; default 100)
 */
record RequestLoggerSettings(Destination destination, String table, boolean logBodies, int maxBodyChars, int queueCapacity,
        int batchSize) {
    static final List<String> KEYS = List.of("jdbc_url", "user", "password", "table", "log_bodies", "max_body_chars", "queue_capacity",
            "batch_size", "categories", "action");

    RequestLoggerSettings {
        requireNonNull(destination, "destination is null");
        requireNonNull(table, "table is null");
    }

    static RequestLoggerSettings from(PluginConfig config, Path dataDirectory) {
        config.requireOnly(KEYS.toArray(String[]::new));
        config.strings("categories"); // passed by policy rules: must be a list of strings, not used
        String action = config.string("action", "log-only");
        if (!action.equals("log-only") && !action.equals("allow")) {
            throw config.error("action", "a logger only records; expected log-only or allow, got '" + action + "'");
        }
        Destination destination = destination(config, dataDirectory);
        String table = config.string("table", "request_log");
        if (!RequestLogTable.NAME.matcher(table).matches()) {
            throw config.error("table", "expected a lower-case SQL name (letters, digits, _), got '" + table + "'");
        }
        return new RequestLoggerSettings(destination, table, config.bool("log_bodies", false),
                (int) range(config, "max_body_chars", 65_536, 256, 16 << 20),
                (int) range(config, "queue_capacity", 10_000, 1, 1_000_000),
                (int) range(config, "batch_size", 100, 1, 10_000));
    }

    private static Destination destination(PluginConfig config, Path dataDirectory) {
        Optional<String> user = Optional.ofNullable(config.string("user", null)).filter(value -> !value.isEmpty());
        Optional<String> password = Optional.ofNullable(config.string("password", null)).filter(value -> !value.isEmpty());
        if (!config.has("jdbc_url")) {
            if (user.isPresent() || password.isPresent()) {
                throw config.error(user.isPresent() ? "user" : "password", "needs jdbc_url (the default SQLite file takes no credentials)");
            }
            return Destination.sqlite(dataDirectory.resolve("request-log.db"));
        }
        String url = config.requireString("jdbc_url");
        if (url.startsWith("jdbc:sqlite:")) {
            if (url.length() == "jdbc:sqlite:".length() || url.contains(":memory:")) {
                throw config.error("jdbc_url", "needs a file, e.g. jdbc:sqlite:/var/lib/policy-gateway/request-log.db");
            }
            return new Destination(url, user, password);
        }
        if (url.startsWith("jdbc:postgresql://")) {
            return new Destination(url, user, password);
        }
        throw config.error("jdbc_url", "expected jdbc:sqlite:<file> or jdbc:postgresql://<host>/<database>, got '"
                + new Destination(url, Optional.empty(), Optional.empty()).describe() + "'");
    }

    private static long range(PluginConfig config, String key, long defaultValue, long min, long max) {
        long value = config.number(key, defaultValue);
        if (value < min || value > max) {
            throw config.error(key, "expected " + min + " to " + max + ", got " + value);
        }
        return value;
    }
}
