package io.policygateway.plugins.wordfilter;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;

/**
 * Folds text so that disguised spellings compare equal: compatibility decomposition (NFKD, so
 * full-width letters and ligatures become plain ones), accents and other combining marks dropped,
 * zero-width and invisible formatting characters removed, common Cyrillic and Greek look-alikes
 * mapped to Latin, lower case, and optionally leetspeak inside words ({@code b4dw0rd}).
 *
 * <p>Each folded character remembers the span of the original it came from, so matches found in
 * the folded text are redacted at the right place in the original. Thread-safe.
 */
final class TextNormalizer {
    /** Cyrillic and Greek letters that look like Latin ones (lower case after folding). */
    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('в', 'b'), Map.entry('е', 'e'), Map.entry('ё', 'e'), Map.entry('к', 'k'),
            Map.entry('м', 'm'), Map.entry('н', 'h'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
            Map.entry('т', 't'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'), Map.entry('ї', 'i'),
            Map.entry('ј', 'j'), Map.entry('ѕ', 's'), Map.entry('ԁ', 'd'), Map.entry('ӏ', 'l'), Map.entry('ԛ', 'q'),
            Map.entry('ԝ', 'w'), Map.entry('ɡ', 'g'), Map.entry('α', 'a'), Map.entry('β', 'b'), Map.entry('ε', 'e'),
            Map.entry('η', 'n'), Map.entry('ι', 'i'), Map.entry('κ', 'k'), Map.entry('ν', 'v'), Map.entry('ο', 'o'),
            Map.entry('ρ', 'p'), Map.entry('τ', 't'), Map.entry('υ', 'u'), Map.entry('χ', 'x'), Map.entry('ω', 'w'),
            Map.entry('ς', 's'), Map.entry('ϲ', 'c'), Map.entry('ı', 'i'));
    /** Leetspeak digits and symbols, read as letters only inside a word that has letters. */
    private static final Map<Character, Character> LEET = Map.ofEntries(
            Map.entry('0', 'o'), Map.entry('1', 'i'), Map.entry('3', 'e'), Map.entry('4', 'a'), Map.entry('5', 's'),
            Map.entry('7', 't'), Map.entry('8', 'b'), Map.entry('9', 'g'), Map.entry('@', 'a'), Map.entry('$', 's'),
            Map.entry('!', 'i'), Map.entry('|', 'l'), Map.entry('€', 'e'), Map.entry('+', 't'));
    /** Marks a character whose fold is not a single character (a ligature, an invisible character). */
    private static final char SPECIAL = '\uFFFF';

    private final boolean leetspeak;

    TextNormalizer(boolean leetspeak) {
        this.leetspeak = leetspeak;
    }

    /**
     * The folded text.
     *
     * @param text the folded characters
     * @param originalStart for each folded character, where its source starts in the original
     * @param originalEnd for each folded character, where its source ends in the original
     */
    record Folded(String text, int[] originalStart, int[] originalEnd) {
    }

    Folded fold(String original) {
        int capacity = original.length() + 16;
        StringBuilder folded = new StringBuilder(capacity);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int position = 0;
        while (position < original.length()) {
            char c = original.charAt(position);
            char single = c < 128 ? Character.toLowerCase(c) : FoldTable.TABLE[c];
            if (single != SPECIAL && !Character.isSurrogate(c)) {
                if (folded.length() + 1 > starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
                starts[folded.length()] = position;
                ends[folded.length()] = position + 1;
                folded.append(single);
                position++;
                continue;
            }
            int codePoint = original.codePointAt(position);
            int next = position + Character.charCount(codePoint);
            String expansion = isInvisible(codePoint) ? "" : foldCodePoint(codePoint);
            for (int i = 0; i < expansion.length(); i++) {
                if (folded.length() + 1 > starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
                starts[folded.length()] = position;
                ends[folded.length()] = next;
                folded.append(expansion.charAt(i));
            }
            position = next;
        }
        if (leetspeak) {
            readLeetspeak(folded);
        }
        int length = folded.length();
        return new Folded(folded.toString(), Arrays.copyOf(starts, length), Arrays.copyOf(ends, length));
    }

    /** Folds a configured word or phrase the same way, without leetspeak (the list is written plainly). */
    static String foldTerm(String term) {
        return new TextNormalizer(false).fold(term).text().strip();
    }

    private static String foldCodePoint(int codePoint) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            }
            char lower = Character.toLowerCase(c);
            out.append(LOOK_ALIKES.getOrDefault(lower, lower));
        }
        return out.toString();
    }

    /** Replaces leetspeak characters inside words that contain at least one letter. */
    private static void readLeetspeak(StringBuilder text) {
        int position = 0;
        int length = text.length();
        while (position < length) {
            if (!startsOrContinuesWord(text, position)) {
                position++;
                continue;
            }
            int start = position;
            boolean letters = false;
            while (position < length && startsOrContinuesWord(text, position)) {
                letters |= Character.isLetter(text.charAt(position));
                position++;
            }
            if (letters) {
                for (int i = start; i < position; i++) {
                    Character letter = LEET.get(text.charAt(i));
                    if (letter != null) {
                        text.setCharAt(i, letter);
                    }
                }
            }
        }
    }

    /** A letter or digit, or a leetspeak symbol followed by one ("$hit", but not the "!" in "wow!"). */
    private static boolean startsOrContinuesWord(CharSequence text, int position) {
        char c = text.charAt(position);
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        return LEET.containsKey(c) && position + 1 < text.length() && Character.isLetterOrDigit(text.charAt(position + 1));
    }

    private static boolean isInvisible(int codePoint) {
        return codePoint == 0x200B || codePoint == 0x200C || codePoint == 0x200D || codePoint == 0x2060
                || codePoint == 0xFEFF || codePoint == 0x00AD || codePoint == 0x180E
                || (codePoint >= 0x2061 && codePoint <= 0x2064) || (codePoint >= 0xFE00 && codePoint <= 0xFE0F);
    }

    /** The single-character fold of every BMP character, computed once on first use. */
    private static final class FoldTable {
        static final char[] TABLE = build();

        private static char[] build() {
            char[] table = new char[65536];
            for (int c = 0; c < table.length; c++) {
                if (Character.isSurrogate((char) c) || isInvisible(c)) {
                    table[c] = SPECIAL;
                    continue;
                }
                String folded = c < 128 ? String.valueOf(Character.toLowerCase((char) c)) : foldCodePoint(c);
                table[c] = folded.length() == 1 ? folded.charAt(0) : SPECIAL;
            }
            return table;
        }
    }
}
