package io.policygateway.plugins.responsecache;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validated configuration of one response-cache instance.
 *
 * @param ttl how long a stored answer is served ({@code ttl}; default 5m)
 * @param maxEntries the most answers kept; the least recently used goes first ({@code max_entries};
 *     default 1000)
 * @param maxEntryBytes the largest answer kept, as serialised JSON ({@code max_entry_bytes};
 *     default 256KiB); answers are held serialised, so the cache holds at most
 *     {@code max_entries × max_entry_bytes}
 * @param maxTemperature requests with a {@code temperature} above it (a missing one counts as 1,
 *     the OpenAI default) are neither answered from nor stored in the cache ({@code max_temperature};
 *     default: none, every temperature is cached)
 * @param logOnly {@code action: log-only}: hits are reported but not served, to measure the hit
 *     rate before switching the cache on ({@code action}; default {@code allow}: serve hits)
 */
record ResponseCacheSettings(Duration ttl, int maxEntries, long maxEntryBytes, OptionalDouble maxTemperature, boolean logOnly) {
    static final List<String> KEYS = List.of("ttl", "max_entries", "max_entry_bytes", "max_temperature", "categories", "action");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");

    ResponseCacheSettings {
        requireNonNull(ttl, "ttl is null");
        requireNonNull(maxTemperature, "maxTemperature is null");
    }

    static ResponseCacheSettings from(PluginConfig config) {
        config.requireOnly(KEYS.toArray(String[]::new));
        config.strings("categories"); // passed by policy rules: must be a list of strings, not used
        String action = config.string("action", "allow");
        if (!action.equals("allow") && !action.equals("log-only")) {
            throw config.error("action", "a cache answers or stores, it does not " + action + " (expected allow or log-only)");
        }
        Duration ttl = config.duration("ttl", Duration.ofMinutes(5));
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(Duration.ofDays(7)) > 0) {
            throw config.error("ttl", "expected 1s to 7d, got " + ttl.toMillis() + " ms");
        }
        long maxEntries = config.number("max_entries", 1000);
        if (maxEntries < 1 || maxEntries > 1_000_000) {
            throw config.error("max_entries", "expected 1 to 1000000, got " + maxEntries);
        }
        long maxEntryBytes = bytes(config, "max_entry_bytes", 256 << 10);
        if (maxEntryBytes < 256 || maxEntryBytes > 64L << 20) {
            throw config.error("max_entry_bytes", "expected 256 B to 64 MiB, got " + maxEntryBytes + " bytes");
        }
        OptionalDouble maxTemperature = OptionalDouble.empty();
        if (config.has("max_temperature")) {
            double value = config.decimal("max_temperature", 0);
            if (value < 0 || value > 2) {
                throw config.error("max_temperature", "expected 0 to 2, got " + value);
            }
            maxTemperature = OptionalDouble.of(value);
        }
        return new ResponseCacheSettings(ttl, (int) maxEntries, maxEntryBytes, maxTemperature, action.equals("log-only"));
    }

    /** A size written as a number of bytes, or with a unit: {@code 512KiB}, {@code 1MiB}. */
    private static long bytes(PluginConfig config, String key, long defaultValue) {
        String text = config.string(key, null);
        if (text == null) {
            return defaultValue;
        }
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches()) {
            throw config.error(key, "expected a size such as 65536, 512KiB or 1MiB, got '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2);
        int shift = switch (unit.toUpperCase(Locale.ROOT)) {
            case "KIB" -> 10;
            case "MIB" -> 20;
            case "GIB" -> 30;
            default -> 0;
        };
        if (amount > (Long.MAX_VALUE >> shift)) {
            throw config.error(key, "size too large: '" + text + "'");
        }
        return amount << shift;
    }
}
