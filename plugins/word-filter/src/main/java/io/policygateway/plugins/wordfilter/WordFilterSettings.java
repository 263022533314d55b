package io.policygateway.plugins.wordfilter;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.StreamMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated configuration of one word-filter instance.
 *
 * @param terms the banned words and phrases: {@code words}, the lines of {@code wordsFile} (blank
 *     lines and {@code #} comments skipped; relative to the gateway home) and {@code categories}
 *     (so a policy rule can list terms); at least one is required
 * @param action what to do on a match ({@code action}; default {@code block})
 * @param replacement the text a redacted term becomes ({@code replacement}; default {@code [REDACTED]})
 * @param leetspeak read digits and symbols inside words as letters ({@code leetspeak}; default false)
 * @param wholeWords match whole words only ({@code wholeWords}; default true)
 * @param scanResponses also filter the model's answers, whole and streamed
 *     ({@code scanResponses}; default false: seed 004 runs word-filter before the request)
 * @param streamWindow characters of a streamed answer held back ({@code streamWindow}; default
 *     the longest term plus 32, at least 64)
 * @param streamMode {@code window} (default), {@code buffer} (hold the answer up to 65536
 *     characters, scan once) or {@code pass-through} (no hold-back, matches only logged)
 *     ({@code streamMode})
 */
record WordFilterSettings(List<String> terms, WordFilterAction action, String replacement, boolean leetspeak,
        boolean wholeWords, boolean scanResponses, int streamWindow, StreamMode streamMode) {
    static final List<String> KEYS = List.of("words", "wordsFile", "categories", "action", "replacement", "leetspeak",
            "wholeWords", "scanResponses", "streamWindow", "streamMode");
    /** The most characters of a streamed answer held back or kept, and the buffer size. */
    static final int STREAM_LIMIT = 65_536;

    WordFilterSettings {
        terms = List.copyOf(terms);
        requireNonNull(action, "action is null");
        requireNonNull(replacement, "replacement is null");
        requireNonNull(streamMode, "streamMode is null");
    }

    static WordFilterSettings from(PluginConfig config, Path home) {
        config.requireOnly(KEYS.toArray(String[]::new));
        List<String> terms = new ArrayList<>();
        addTerms(config, "words", config.strings("words"), terms);
        if (config.has("wordsFile")) {
            addTerms(config, "wordsFile", readWordsFile(config, home), terms);
        }
        addTerms(config, "categories", config.strings("categories"), terms);
        if (terms.isEmpty()) {
            throw config.error("words", "list at least one banned word or phrase (words, wordsFile or categories)");
        }
        WordFilterAction action = WordFilterAction.from(config, "action", WordFilterAction.BLOCK);
        String replacement = config.string("replacement", "[REDACTED]");
        int longest = terms.stream().mapToInt(String::length).max().orElse(0);
        int window = (int) config.number("streamWindow", Math.max(64, longest + 32));
        if (window < longest || window > STREAM_LIMIT) {
            throw config.error("streamWindow", "expected the longest term (" + longest + ") to " + STREAM_LIMIT
                    + " characters, got " + window);
        }
        return new WordFilterSettings(terms, action, replacement, config.bool("leetspeak", false),
                config.bool("wholeWords", true), config.bool("scanResponses", false), window,
                StreamMode.from(config, "streamMode", StreamMode.WINDOW));
    }

    private static void addTerms(PluginConfig config, String key, List<String> values, List<String> terms) {
        for (int i = 0; i < values.size(); i++) {
            String term = values.get(i).strip();
            if (TextNormalizer.foldTerm(term).chars().noneMatch(Character::isLetterOrDigit)) {
                throw config.error(key + "[" + i + "]", "a banned term must contain letters or digits");
            }
            terms.add(term);
        }
    }

    private static List<String> readWordsFile(PluginConfig config, Path home) {
        Path file = home.resolve(config.string("wordsFile", ""));
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw config.error("wordsFile", "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
