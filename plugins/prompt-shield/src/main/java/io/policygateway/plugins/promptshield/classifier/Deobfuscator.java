package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Undoes character-level disguises in lower-cased text: homoglyphs (Cyrillic or Greek letters
 * inside Latin words), leetspeak ({@code 1gn0r3}, {@code p@ss}), and letter spacing
 * ({@code i g n o r e}, {@code i.g.n.o.r.e}). Letter runs without visible word breaks are split
 * back into words with a {@link WordSegmenter}. Stateless and thread-safe.
 */
final class Deobfuscator {
    private static final int MIN_SPACED_RUN = 4;

    private final WordSegmenter segmenter;

    Deobfuscator(WordSegmenter segmenter) {
        this.segmenter = requireNonNull(segmenter, "segmenter is null");
    }

    /** Whether the text shows any of the disguises this class undoes. */
    static boolean worthTrying(ViewIndex view) {
        return view.leetTokens() >= 2 || view.longestSingleLetterRun() >= MIN_SPACED_RUN
                || view.mixedScriptTokens() >= 1;
    }

    /** The undisguised text, when it differs from the input. */
    Optional<String> deobfuscate(String lower) {
        String text = Homoglyphs.foldMixedScriptWords(lower);
        text = undoLeetspeak(text);
        text = joinSpacedLetters(text);
        return text.equals(lower) ? Optional.empty() : Optional.of(text);
    }

    private static String undoLeetspeak(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!isLeetWordChar(text.charAt(i))) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            int start = i;
            int letters = 0;
            int leet = 0;
            while (i < text.length() && isLeetWordChar(text.charAt(i))) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                } else if (leetLetter(c) != 0) {
                    leet++;
                }
                i++;
            }
            int end = i;
            while (end > start && isSymbol(text.charAt(end - 1))) {
                end--;
            }
            if (letters >= 1 && leet >= 1 && letters + leet >= 3) {
                for (int j = start; j < end; j++) {
                    char c = text.charAt(j);
                    char mapped = leetLetter(c);
                    out.append(Character.isLetter(c) || mapped == 0 ? c : mapped);
                }
            } else {
                out.append(text, start, end);
            }
            out.append(text, end, i);
        }
        return out.toString();
    }

    private static boolean isLeetWordChar(char c) {
        return Character.isLetterOrDigit(c) || isSymbol(c);
    }

    private static boolean isSymbol(char c) {
        return c == '@' || c == '$' || c == '!' || c == '|' || c == '+' || c == '€' || c == '£';
    }

    private static char leetLetter(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '3', '€' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7', '+' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            case '£' -> 'l';
            default -> 0;
        };
    }

    /**
     * Joins runs of at least four one-letter tokens. A wider gap (two or more spaces, a slash or a
     * bar) between letters marks a word break; without any, the run is split by the segmenter.
     */
    private String joinSpacedLetters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int runEnd = spacedRunEnd(text, i);
            if (runEnd < 0) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            StringBuilder word = new StringBuilder();
            StringBuilder phrase = new StringBuilder();
            boolean breaks = false;
            for (int j = i; j < runEnd; j++) {
                char c = text.charAt(j);
                if (Character.isLetter(c)) {
                    word.append(c);
                } else if (isWordBreak(text, j)) {
                    breaks |= word.length() > 0;
                    flush(word, phrase);
                    while (j + 1 < runEnd && !Character.isLetter(text.charAt(j + 1))) {
                        j++;
                    }
                }
            }
            flush(word, phrase);
            out.append(breaks ? phrase.toString().trim() : segmenter.segment(phrase.toString().trim()));
            i = runEnd;
        }
        return out.toString();
    }

    private static void flush(StringBuilder word, StringBuilder phrase) {
        if (word.length() > 0) {
            phrase.append(word).append(' ');
            word.setLength(0);
        }
    }

    private static boolean isWordBreak(String text, int at) {
        char c = text.charAt(at);
        if (c == '/' || c == '|' || c == '\n') {
            return true;
        }
        return Character.isWhitespace(c) && at + 1 < text.length() && Character.isWhitespace(text.charAt(at + 1));
    }

    /** The end of a spaced-letter run starting at {@code start}, or -1 when none starts there. */
    private static int spacedRunEnd(String text, int start) {
        if (!Character.isLetter(text.charAt(start)) || (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)))) {
            return -1;
        }
        int letters = 0;
        int i = start;
        int lastLetterEnd = start;
        while (i < text.length() && Character.isLetter(text.charAt(i))
                && (i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
            letters++;
            lastLetterEnd = i + 1;
            int gap = i + 1;
            while (gap < text.length() && gap - i <= 4 && isSpacer(text.charAt(gap))) {
                gap++;
            }
            if (gap == i + 1 || gap - i > 4) {
                break;
            }
            i = gap;
        }
        return letters >= MIN_SPACED_RUN ? lastLetterEnd : -1;
    }

    private static boolean isSpacer(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '/' || c == '|' || c == '~' || c == '·'
                || c == '•' || c == '\t' || c == ',';
    }
}
