package io.policygateway.plugins.promptshield.classifier;

import java.util.Arrays;

/**
 * The parts of a text that are quoted (mentioned rather than used): text between quotation marks
 * of any common style, inline code and code fences, and markdown block quotes. Computed once per
 * text on demand; immutable.
 */
final class QuotedRanges {
    private static final int MAX_QUOTE = 3000;

    private final int[] starts;
    private final int[] ends;
    private final int count;

    private QuotedRanges(int[] starts, int[] ends, int count) {
        this.starts = starts;
        this.ends = ends;
        this.count = count;
    }

    static QuotedRanges of(String text) {
        int[] starts = new int[8];
        int[] ends = new int[8];
        int count = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '`' && text.startsWith("```", i)) {
                int close = text.indexOf("```", i + 3);
                end = close < 0 ? length : close + 3;
            } else if (c == '>' && (i == 0 || text.charAt(i - 1) == '\n')) {
                int close = text.indexOf('\n', i);
                end = close < 0 ? length : close;
            } else {
                char closing = closingQuote(text, i);
                if (closing != 0) {
                    int close = findClosing(text, i + 1, closing);
                    end = close < 0 ? -1 : close + 1;
                }
            }
            if (end > i) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                starts[count] = i;
                ends[count] = end;
                count++;
                i = end;
            } else {
                i++;
            }
        }
        return new QuotedRanges(starts, ends, count);
    }

    /** Whether {@code [start, end)} lies inside one quoted part. */
    boolean covers(int start, int end) {
        for (int r = 0; r < count; r++) {
            if (starts[r] <= start && end <= ends[r]) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The quote that closes the one opening at {@code at}, or 0 when no quote opens there. */
    private static char closingQuote(String text, int at) {
        char c = text.charAt(at);
        return switch (c) {
            case '"' -> '"';
            case '“' -> '”';
            case '„' -> '“';
            case '«' -> '»';
            case '‹' -> '›';
            case '「' -> '」';
            case '『' -> '』';
            case '`' -> '`';
            case '‘' -> '’';
            case '\'' -> opensSingleQuote(text, at) ? '\'' : 0;
            default -> 0;
        };
    }

    private static boolean opensSingleQuote(String text, int at) {
        boolean afterBoundary = at == 0 || " \t\n([{:;,=".indexOf(text.charAt(at - 1)) >= 0;
        return afterBoundary && at + 1 < text.length() && !Character.isWhitespace(text.charAt(at + 1));
    }

    private static int findClosing(String text, int from, char closing) {
        int limit = Math.min(text.length(), from + MAX_QUOTE);
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == closing || (closing == '”' && c == '"') || (closing == '"' && c == '”')) {
                if (closing != '\'' || i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1))) {
                    return i;
                }
            }
        }
        return -1;
    }
}
