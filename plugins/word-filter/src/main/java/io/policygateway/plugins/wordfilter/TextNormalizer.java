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
    /**
     * The single-character fold of every BMP character ({@link #SPECIAL} where it is not one),
     * computed when the class loads, at configuration time (some tens of milliseconds).
     */
    private static final char[] TABLE = buildTable();
    private static final char[] ASCII_LOWER = new char[128];
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_LOWER[c] = Character.toLowerCase(c);
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
        }
    }

    private final boolean leetspeak;

    TextNormalizer(boolean leetspeak) {
        this.leetspeak = leetspeak;
    }

    /**
     * The folded text.
     *
     * @param chars the folded characters (only the first {@code length} are used)
     * @param length how many folded characters there are
     * @param originalStart for each folded character, where its source starts in the original;
     *     null when folding kept every character in place (the common case)
     * @param originalEnd for each folded character, where its source ends in the original; null
     *     likewise
     */
    record Folded(char[] chars, int length, int[] originalStart, int[] originalEnd) {
        int startInOriginal(int index) {
            return originalStart == null ? index : originalStart[index];
        }

        int endInOriginal(int index) {
            return originalEnd == null ? index + 1 : originalEnd[index];
        }

        String text() {
            return new String(chars, 0, length);
        }
    }

    /**
     * Folds {@code original}. Characters that fold to exactly one character (ASCII and most
     * others) are handled in place without index bookkeeping; only texts with expanding or
     * vanishing characters (ligatures, zero-width characters) take the slower path.
     */
    Folded fold(String original) {
        int length = original.length();
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            char c = original.charAt(i);
            char folded = c < 128 ? ASCII_LOWER[c] : TABLE[c];
            if (folded == SPECIAL) {
                return foldWithExpansions(original);
            }
            chars[i] = folded;
        }
        if (leetspeak) {
            readLeetspeak(chars, length);
        }
        return new Folded(chars, length, null, null);
    }

    private Folded foldWithExpansions(String original) {
        int capacity = original.length() + 16;
        StringBuilder folded = new StringBuilder(capacity);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int position = 0;
        while (position < original.length()) {
            char c = original.charAt(position);
            char single = c < 128 ? ASCII_LOWER[c] : TABLE[c];
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
        int length = folded.length();
        char[] chars = new char[length];
        folded.getChars(0, length, chars, 0);
        if (leetspeak) {
            readLeetspeak(chars, length);
        }
        return new Folded(chars, length, Arrays.copyOf(starts, length), Arrays.copyOf(ends, length));
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
    private static void readLeetspeak(char[] text, int length) {
        int position = 0;
        while (position < length) {
            if (!startsOrContinuesWord(text, length, position)) {
                position++;
                continue;
            }
            int start = position;
            boolean letters = false;
            while (position < length && startsOrContinuesWord(text, length, position)) {
                letters |= Character.isLetter(text[position]);
                position++;
            }
            if (letters) {
                for (int i = start; i < position; i++) {
                    Character letter = LEET.get(text[i]);
                    if (letter != null) {
                        text[i] = letter;
                    }
                }
            }
        }
    }

    /** A letter or digit, or a leetspeak symbol followed by one ("$hit", but not the "!" in "wow!"). */
    private static boolean startsOrContinuesWord(char[] text, int length, int position) {
        char c = text[position];
        if (isWordCharacter(c)) {
            return true;
        }
        return LEET.containsKey(c) && position + 1 < length && isWordCharacter(text[position + 1]);
    }

    /** Letters and digits make words. */
    static boolean isWordCharacter(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }

    private static boolean isInvisible(int codePoint) {
        return codePoint == 0x200B || codePoint == 0x200C || codePoint == 0x200D || codePoint == 0x2060
                || codePoint == 0xFEFF || codePoint == 0x00AD || codePoint == 0x180E
                || (codePoint >= 0x2061 && codePoint <= 0x2064) || (codePoint >= 0xFE00 && codePoint <= 0xFE0F);
    }

    private static char[] buildTable() {
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
