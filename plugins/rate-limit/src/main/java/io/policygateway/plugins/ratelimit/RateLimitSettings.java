package io.policygateway.plugins.ratelimit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.PluginConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated configuration of one rate-limit instance.
 *
 * @param keyBy the dimensions each caller's buckets are kept per ({@code key_by}, a list or one name;
 *     default {@code [key]}; an empty list keeps one bucket shared by every caller)
 * @param requestsPerMinute requests allowed per minute and caller, 0 for no request limit
 *     ({@code requests_per_minute}; default 0)
 * @param tokensPerMinute tokens (estimated input plus real output) allowed per minute and caller,
 *     0 for no token limit ({@code tokens_per_minute}; default 0)
 * @param burst requests a caller may send back to back before the per-minute rate applies
 *     ({@code burst}; default {@code requests_per_minute})
 * @param maxKeys the most callers whose buckets are remembered; the least recently seen is
 *     forgotten beyond that ({@code max_keys}; default 100000)
 * @param action what happens when a caller is over the limit ({@code action}; default {@code block})
 */
record RateLimitSettings(List<KeyPart> keyBy, long requestsPerMinute, long tokensPerMinute, long burst, int maxKeys,
        LimitAction action) {
    static final List<String> KEYS = List.of("key_by", "requests_per_minute", "tokens_per_minute", "burst", "max_keys",
            "categories", "action");

    RateLimitSettings {
        keyBy = List.copyOf(keyBy);
        requireNonNull(action, "action is null");
    }

    static RateLimitSettings from(PluginConfig config) {
        config.requireOnly(KEYS.toArray(String[]::new));
        config.strings("categories"); // passed by policy rules: must be a list of strings, not used
        List<KeyPart> keyBy = keyBy(config);
        long requests = nonNegative(config, "requests_per_minute");
        long tokens = nonNegative(config, "tokens_per_minute");
        if (requests == 0 && tokens == 0) {
            throw config.error("requests_per_minute", "set requests_per_minute or tokens_per_minute (or both) above 0");
        }
        long burst = config.number("burst", requests);
        if (config.has("burst") && requests == 0) {
            throw config.error("burst", "needs requests_per_minute");
        }
        if (requests > 0 && burst < 1) {
            throw config.error("burst", "expected at least 1, got " + burst);
        }
        long maxKeys = config.number("max_keys", 100_000);
        if (maxKeys < 1 || maxKeys > 10_000_000) {
            throw config.error("max_keys", "expected 1 to 10000000, got " + maxKeys);
        }
        return new RateLimitSettings(keyBy, requests, tokens, burst, (int) maxKeys, LimitAction.from(config, "action"));
    }

    private static List<KeyPart> keyBy(PluginConfig config) {
        if (!config.has("key_by")) {
            return List.of(KeyPart.KEY);
        }
        List<String> names = config.raw("key_by").filter(JsonNode::isTextual).map(single -> List.of(single.asText()))
                .orElseGet(() -> config.strings("key_by"));
        List<KeyPart> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String path = "key_by[" + i + "]";
            KeyPart part = KeyPart.fromConfigName(name)
                    .orElseThrow(() -> config.error(path, "unknown dimension '" + name + "' (expected key, project, user or model)"));
            if (parts.contains(part)) {
                throw config.error(path, "'" + name + "' is listed twice");
            }
            parts.add(part);
        }
        return parts;
    }

    private static long nonNegative(PluginConfig config, String key) {
        long value = config.number(key, 0);
        if (value < 0) {
            throw config.error(key, "expected 0 or more, got " + value);
        }
        return value;
    }

    /** The {@code key_by} names joined with commas (empty for one shared bucket), for messages and decision details. */
    String keyByNames() {
        return String.join(",", keyBy.stream().map(KeyPart::configName).toList());
    }
}
