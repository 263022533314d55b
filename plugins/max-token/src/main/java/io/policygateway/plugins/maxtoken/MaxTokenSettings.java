package io.policygateway.plugins.maxtoken;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The validated configuration of one max-token instance. A limit of 0 means no limit.
 *
 * @param maxInputTokens the most input tokens a request may carry ({@code maxInputTokens};
 *     default 128000)
 * @param maxMessages the most messages a request may carry ({@code maxMessages}; default 256)
 * @param maxOutputTokens the most output tokens a request may ask for in {@code max_tokens} or
 *     {@code max_completion_tokens} ({@code maxOutputTokens}; default 0, no limit)
 * @param clampOutput lower an over-large {@code max_tokens}/{@code max_completion_tokens} to
 *     {@code maxOutputTokens} (and set {@code max_completion_tokens} when neither is given)
 *     instead of refusing the request ({@code outputAction: clamp}; default {@code block})
 * @param action what a request over a limit gets: {@code block} (default), {@code warn} or
 *     {@code log-only} ({@code action})
 * @param counting force one way of counting for every model: {@code o200k_base},
 *     {@code cl100k_base} or {@code approximate} ({@code encoding}; default {@code auto}: by model)
 */
record MaxTokenSettings(long maxInputTokens, long maxMessages, long maxOutputTokens, boolean clampOutput,
        Action action, Optional<TokenCounter.Method> counting) {
    static final List<String> KEYS = List.of("maxInputTokens", "maxMessages", "maxOutputTokens", "outputAction", "action",
            "encoding", "categories");

    /** What happens to a request over a limit. */
    enum Action {
        BLOCK, WARN, LOG_ONLY
    }

    MaxTokenSettings {
        requireNonNull(action, "action is null");
        requireNonNull(counting, "counting is null");
    }

    static MaxTokenSettings from(PluginConfig config) {
        config.requireOnly(KEYS.toArray(String[]::new));
        if (!config.strings("categories").isEmpty()) {
            throw config.error("categories", "max-token has no categories; set maxInputTokens, maxMessages or maxOutputTokens");
        }
        long maxInput = limit(config, "maxInputTokens", 128_000);
        long maxMessages = limit(config, "maxMessages", 256);
        long maxOutput = limit(config, "maxOutputTokens", 0);
        String outputAction = config.string("outputAction", "block").trim().toLowerCase(Locale.ROOT);
        if (!outputAction.equals("block") && !outputAction.equals("clamp")) {
            throw config.error("outputAction", "expected block or clamp, got '" + outputAction + "'");
        }
        if (outputAction.equals("clamp") && maxOutput == 0) {
            throw config.error("outputAction", "clamp needs maxOutputTokens");
        }
        Action action = switch (config.string("action", "block").trim().toLowerCase(Locale.ROOT)) {
            case "block" -> Action.BLOCK;
            case "warn" -> Action.WARN;
            case "log-only", "log_only" -> Action.LOG_ONLY;
            default -> throw config.error("action", "expected block, warn or log-only, got '" + config.string("action", "") + "'");
        };
        Optional<TokenCounter.Method> counting = switch (config.string("encoding", "auto").trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> Optional.empty();
            case "o200k_base" -> Optional.of(TokenCounter.Method.O200K_BASE);
            case "cl100k_base" -> Optional.of(TokenCounter.Method.CL100K_BASE);
            case "approximate" -> Optional.of(TokenCounter.Method.APPROXIMATE);
            default -> throw config.error("encoding", "expected auto, o200k_base, cl100k_base or approximate, got '"
                    + config.string("encoding", "") + "'");
        };
        return new MaxTokenSettings(maxInput, maxMessages, maxOutput, outputAction.equals("clamp"), action, counting);
    }

    private static long limit(PluginConfig config, String key, long defaultValue) {
        long value = config.number(key, defaultValue);
        if (value < 0) {
            throw config.error(key, "expected 0 (no limit) or a positive number, got " + value);
        }
        return value;
    }
}
