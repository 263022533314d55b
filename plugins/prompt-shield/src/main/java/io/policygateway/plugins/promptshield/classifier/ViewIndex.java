package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * One view of a text (lower-cased) with the positions of every vocabulary word in it, plus the
 * shape statistics that decide whether de-obfuscated views are worth building. Built once per
 * view and request by a single left-to-right scan; not shared between threads.
 */
final class ViewIndex {
    private static final int[] NONE = new int[0];

    private final String text;
    private final int[][] positions;
    private final int[] counts;
    private final boolean cjk;
    private final int leetTokens;
    private final int longestSingleLetterRun;
    private final int mixedScriptTokens;
    private final long[] asciiPresent;
    private final TextShape shape;

    private ViewIndex(String text, int[][] positions, int[] counts, boolean cjk, int leetTokens,
            int longestSingleLetterRun, int mixedScriptTokens, long[] asciiPresent, TextShape shape) {
        this.text = text;
        this.positions = positions;
        this.counts = counts;
        this.cjk = cjk;
        this.leetTokens = leetTokens;
        this.longestSingleLetterRun = longestSingleLetterRun;
        this.mixedScriptTokens = mixedScriptTokens;
        this.asciiPresent = asciiPresent;
        this.shape = shape;
    }

    static ViewIndex of(String text, Vocabulary vocabulary) {
        requireNonNull(text, "text is null");
        int[][] positions = new int[vocabulary.size()][];
        int[] counts = new int[vocabulary.size()];
        boolean cjk = false;
        int leetTokens = 0;
        int singleLetterRun = 0;
        int longestSingleLetterRun = 0;
        int mixedScriptTokens = 0;
        long[] asciiPresent = new long[2];
        TextShape.Counter shape = new TextShape.Counter();
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c < 128) {
                asciiPresent[c >> 6] |= 1L << (c & 63);
            }
            if (!isWordChar(c)) {
                if ((c == '@' || c == '$' || c == '!' || c == '|') && i > 0 && i + 1 < length
                        && Character.isLetter(text.charAt(i - 1)) && Character.isLetter(text.charAt(i + 1))) {
                    leetTokens++;
                }
                shape.separator(text, i, c);
                i++;
                continue;
            }
            int start = i;
            int hash = 0;
            boolean letters = false;
            boolean leetDigits = false;
            boolean digits = false;
            char previous = 0;
            boolean latin = false;
            boolean cyrillicOrGreek = false;
            while (i < length) {
                char w = text.charAt(i);
                if (w < 128) {
                    // ASCII fast path: the common case, without Unicode property lookups
                    if (w >= 'a' && w <= 'z' || w >= 'A' && w <= 'Z') {
                        letters = true;
                        latin = true;
                    } else if (w >= '0' && w <= '9') {
                        digits = true;
                        leetDigits |= isLeetDigit(w) && isAsciiLetter(previous) && i + 1 < length
                                && isAsciiLetter(text.charAt(i + 1));
                    } else {
                        break;
                    }
                } else if (!isWordChar(w)) {
                    break;
                } else if (Character.isLetter(w)) {
                    letters = true;
                    if (w < 0x250) {
                        latin = true;
                    } else if (w >= 0x370 && w < 0x530) {
                        cyrillicOrGreek = true;
                    } else if (isCjk(w)) {
                        cjk = true;
                    }
                }
                hash = 31 * hash + w;
                previous = w;
                i++;
            }
            if (letters && leetDigits) {
                leetTokens++;
            }
            if (latin && cyrillicOrGreek) {
                mixedScriptTokens++;
            }
            shape.token(text, start, i, digits);
            if (i - start == 1 && letters) {
                singleLetterRun++;
                longestSingleLetterRun = Math.max(longestSingleLetterRun, singleLetterRun);
            } else {
                singleLetterRun = 0;
            }
            int id = vocabulary.lookup(text, start, i, hash);
            if (id >= 0) {
                int[] list = positions[id];
                if (list == null) {
                    list = new int[4];
                    positions[id] = list;
                } else if (counts[id] == list.length) {
                    list = Arrays.copyOf(list, list.length * 2);
                    positions[id] = list;
                }
                list[counts[id]++] = start;
            }
        }
        return new ViewIndex(text, positions, counts, cjk, leetTokens, longestSingleLetterRun, mixedScriptTokens,
                asciiPresent, shape.result());
    }

    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isLeetDigit(char c) {
        return c == '0' || c == '1' || c == '3' || c == '4' || c == '5' || c == '7';
    }

    static boolean isCjk(char c) {
        return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF)
                || (c >= 0xF900 && c <= 0xFAFF);
    }

    String text() {
        return text;
    }

    boolean contains(int wordId) {
        return counts[wordId] > 0;
    }

    /** Start offsets of a vocabulary word, ascending; empty when absent. */
    int[] positions(int wordId) {
        return counts[wordId] == 0 ? NONE : Arrays.copyOf(positions[wordId], counts[wordId]);
    }

    /** Whether the word occurs at an offset in {@code (from, to)}. */
    boolean occursWithin(int wordId, int from, int to) {
        int[] list = positions[wordId];
        int low = 0;
        int high = counts[wordId] - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (list[middle] <= from) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return low < counts[wordId] && list[low] < to;
    }

    /**
     * Whether {@code c} may occur in the text: false only for an ASCII punctuation character that is
     * certainly absent (letters and digits are not tracked, since the scan skips them).
     */
    boolean mayContain(char c) {
        return c >= 128 || isWordChar(c) || (asciiPresent[c >> 6] & (1L << (c & 63))) != 0;
    }

    /** Character statistics for the decoders. */
    TextShape shape() {
        return shape;
    }

    /** Whether the text holds Chinese, Japanese or Korean characters. */
    boolean hasCjk() {
        return cjk;
    }

    /** Tokens with a digit standing for a letter between two letters ({@code t3ll}), or {@code p@ss}-style symbols. */
    int leetTokens() {
        return leetTokens;
    }

    /** The longest run of one-letter tokens ({@code i g n o r e}). */
    int longestSingleLetterRun() {
        return longestSingleLetterRun;
    }

    /** Tokens mixing Latin with Cyrillic or Greek letters (homoglyph substitution). */
    int mixedScriptTokens() {
        return mixedScriptTokens;
    }
}
