package io.policygateway.plugins.regexguard;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.StreamMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The validated configuration of one regex-guard instance.
 *
 * @param rules the patterns: {@code patterns} (each with {@code name}, {@code pattern}, optional
 *     {@code action} and {@code replacement}), plus each entry of {@code categories} as an unnamed
 *     pattern (so a seed 003 rule of {@code type: regex} can list its expressions); at least one
 * @param action the action of patterns that name none ({@code action}; default {@code block})
 * @param scanChunk the most characters one scan covers ({@code scanChunk}; default 8192)
 * @param scanOverlap how far consecutive scan regions overlap, the longest match guaranteed to be
 *     found where they meet ({@code scanOverlap}; default 1024)
 * @param streamWindow characters of a streamed answer held back ({@code streamWindow}; default 256)
 * @param streamMode {@code window} (default), {@code buffer} (hold the answer up to 65536
 *     characters, scan once) or {@code pass-through} (no hold-back, matches only logged)
 *     ({@code streamMode})
 */
record RegexGuardSettings(List<RegexRule> rules, RegexAction action, int scanChunk, int scanOverlap, int streamWindow,
        StreamMode streamMode) {
    static final List<String> KEYS = List.of("patterns", "categories", "action", "scanChunk", "scanOverlap", "streamWindow",
            "streamMode");
    /** The most characters of a streamed answer held back or kept, and the buffer size. */
    static final int STREAM_LIMIT = 65_536;
    static final List<String> PATTERN_KEYS = List.of("name", "pattern", "action", "replacement");
    /** Character reads allowed per scanned character before a pattern counts as runaway. */
    static final long BUDGET_PER_CHARACTER = 2_000;

    RegexGuardSettings {
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        requireNonNull(action, "action is null");
        requireNonNull(streamMode, "streamMode is null");
    }

    static RegexGuardSettings from(PluginConfig config) {
        config.requireOnly(KEYS.toArray(String[]::new));
        RegexAction action = RegexAction.from(config, "action", RegexAction.BLOCK);
        List<RegexRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<PluginConfig> patterns = config.sections("patterns");
        for (PluginConfig entry : patterns) {
            entry.requireOnly(PATTERN_KEYS.toArray(String[]::new));
            String name = entry.string("name", "").strip();
            if (name.isEmpty()) {
                throw entry.error("name", "every pattern needs a name (it is reported instead of the matched text)");
            }
            if (!names.add(name)) {
                throw entry.error("name", "duplicate pattern name '" + name + "'");
            }
            String source = entry.string("pattern", "");
            rules.add(new RegexRule(name, compile(entry, "pattern", source), RegexAction.from(entry, "action", action),
                    entry.string("replacement", "[" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_") + "]")));
        }
        List<String> categories = config.strings("categories");
        for (int i = 0; i < categories.size(); i++) {
            String name = "pattern-" + (i + 1);
            rules.add(new RegexRule(name, compile(config, "categories[" + i + "]", categories.get(i)), action, "[REDACTED]"));
        }
        if (rules.isEmpty()) {
            throw config.error("patterns", "configure at least one pattern");
        }
        int chunk = (int) config.number("scanChunk", 8192);
        int overlap = (int) config.number("scanOverlap", 1024);
        if (chunk < 256 || chunk > 1_048_576) {
            throw config.error("scanChunk", "expected 256 to 1048576 characters, got " + chunk);
        }
        if (overlap < 0 || overlap >= chunk) {
            throw config.error("scanOverlap", "expected 0 to scanChunk - 1 (" + (chunk - 1) + "), got " + overlap);
        }
        int window = (int) config.number("streamWindow", 256);
        if (window < 16 || window > STREAM_LIMIT) {
            throw config.error("streamWindow", "expected 16 to 65536 characters, got " + window);
        }
        return new RegexGuardSettings(rules, action, chunk, overlap, window, StreamMode.from(config, "streamMode", StreamMode.WINDOW));
    }

    private static Pattern compile(PluginConfig config, String key, String source) {
        if (source.isEmpty()) {
            throw config.error(key, "the pattern is empty");
        }
        try {
            Pattern pattern = Pattern.compile(source);
            if (pattern.matcher("").matches()) {
                throw config.error(key, "the pattern matches the empty string, so it would match everywhere");
            }
            return pattern;
        } catch (PatternSyntaxException e) {
            throw config.error(key, "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }
}
