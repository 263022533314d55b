package io.policygateway.plugins.wordfilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds banned words and phrases in text. Built once from the configured list; immutable and
 * thread-safe.
 *
 * <p>Both the list and the text are folded by {@link TextNormalizer}. With whole-word matching
 * (the default) the folded text is split into words (runs of letters and digits) and a term
 * matches a run of whole words, whatever separates them ("bad  word", "bad-word"). Terms in
 * scripts written without spaces (Chinese, Japanese, Thai) match anywhere, as do all terms when
 * whole-word matching is off. Where matches overlap, the earliest and then the longest wins.
 *
 * <p>Words are looked up by a 64-bit hash computed while scanning, in an open-addressing table of
 * the terms' first words, so scanning allocates nothing per word.
 */
public final class BannedWords {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final TextNormalizer normalizer;
    private final long[] tableHashes;
    private final String[][][] tablePhrases;
    private final List<String> anywhereTerms = new ArrayList<>();
    private final int longestTerm;

    /**
     * @param terms the banned words and phrases as configured (any case, any spelling)
     * @param leetspeak whether digits and symbols inside words are read as letters
     * @param wholeWords whether terms match whole words only
     */
    public BannedWords(List<String> terms, boolean leetspeak, boolean wholeWords) {
        this.normalizer = new TextNormalizer(leetspeak);
        List<String[]> phrases = new ArrayList<>();
        int longest = 0;
        for (String term : terms) {
            String folded = TextNormalizer.foldTerm(term);
            if (folded.isEmpty()) {
                throw new IllegalArgumentException("a banned term is empty after folding");
            }
            longest = Math.max(longest, term.length());
            String[] words = words(folded);
            if (!wholeWords || words.length == 0 || isUnspacedScript(folded)) {
                anywhereTerms.add(folded);
            } else {
                phrases.add(words);
            }
        }
        int capacity = Integer.highestOneBit(Math.max(8, phrases.size() * 4)) * 2;
        this.tableHashes = new long[capacity];
        this.tablePhrases = new String[capacity][][];
        for (String[] phrase : phrases) {
            insert(phrase);
        }
        for (String[][] bucket : tablePhrases) {
            if (bucket != null) {
                Arrays.sort(bucket, (left, right) -> right.length - left.length);
            }
        }
        this.longestTerm = longest;
    }

    /** The length of the longest configured term, in characters (for stream hold-back). */
    public int longestTerm() {
        return longestTerm;
    }

    /** The banned words and phrases in {@code text}, sorted, never overlapping. */
    public List<WordMatch> find(String text) {
        TextNormalizer.Folded folded = normalizer.fold(text);
        List<int[]> spans = new ArrayList<>(0);
        findWords(folded.chars(), folded.length(), spans);
        if (!anywhereTerms.isEmpty()) {
            String foldedText = folded.text();
            for (String term : anywhereTerms) {
                int from = 0;
                int at;
                while ((at = foldedText.indexOf(term, from)) >= 0) {
                    spans.add(new int[] {at, at + term.length()});
                    from = at + 1;
                }
            }
        }
        if (spans.isEmpty()) {
            return List.of();
        }
        spans.sort((left, right) -> left[0] != right[0] ? Integer.compare(left[0], right[0]) : Integer.compare(right[1], left[1]));
        List<WordMatch> matches = new ArrayList<>();
        int covered = -1;
        for (int[] span : spans) {
            if (span[0] < covered) {
                continue;
            }
            matches.add(new WordMatch(folded.startInOriginal(span[0]), folded.endInOriginal(span[1] - 1)));
            covered = span[1];
        }
        return List.copyOf(matches);
    }

    private void findWords(char[] chars, int length, List<int[]> spans) {
        int position = 0;
        while (position < length) {
            if (!TextNormalizer.isWordCharacter(chars[position])) {
                position++;
                continue;
            }
            int start = position;
            long hash = FNV_OFFSET;
            while (position < length && TextNormalizer.isWordCharacter(chars[position])) {
                hash = (hash ^ chars[position]) * FNV_PRIME;
                position++;
            }
            String[][] phrases = lookup(hash);
            if (phrases == null) {
                continue;
            }
            for (String[] phrase : phrases) {
                int end = matchEnd(chars, length, start, position, phrase);
                if (end > 0) {
                    spans.add(new int[] {start, end});
                    break;
                }
            }
        }
    }

    /** Where {@code phrase} ends if it starts with the word at [start, firstEnd), or -1. */
    private static int matchEnd(char[] chars, int length, int start, int firstEnd, String[] phrase) {
        if (!sameWord(chars, start, firstEnd, phrase[0])) {
            return -1;
        }
        int end = firstEnd;
        for (int k = 1; k < phrase.length; k++) {
            int wordStart = end;
            while (wordStart < length && !TextNormalizer.isWordCharacter(chars[wordStart])) {
                wordStart++;
            }
            int wordEnd = wordStart;
            while (wordEnd < length && TextNormalizer.isWordCharacter(chars[wordEnd])) {
                wordEnd++;
            }
            if (wordStart == wordEnd || !sameWord(chars, wordStart, wordEnd, phrase[k])) {
                return -1;
            }
            end = wordEnd;
        }
        return end;
    }

    private static boolean sameWord(char[] chars, int start, int end, String word) {
        if (end - start != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (chars[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void insert(String[] phrase) {
        long hash = hash(phrase[0]);
        int slot = slot(hash);
        while (tablePhrases[slot] != null && tableHashes[slot] != hash) {
            slot = (slot + 1) & (tableHashes.length - 1);
        }
        String[][] bucket = tablePhrases[slot];
        tableHashes[slot] = hash;
        tablePhrases[slot] = bucket == null ? new String[][] {phrase} : append(bucket, phrase);
    }

    private String[][] lookup(long hash) {
        int slot = slot(hash);
        while (tablePhrases[slot] != null) {
            if (tableHashes[slot] == hash) {
                return tablePhrases[slot];
            }
            slot = (slot + 1) & (tableHashes.length - 1);
        }
        return null;
    }

    private int slot(long hash) {
        return (int) (hash ^ (hash >>> 32)) & (tableHashes.length - 1);
    }

    private static String[][] append(String[][] bucket, String[] phrase) {
        String[][] grown = Arrays.copyOf(bucket, bucket.length + 1);
        grown[bucket.length] = phrase;
        return grown;
    }

    private static long hash(String word) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < word.length(); i++) {
            hash = (hash ^ word.charAt(i)) * FNV_PRIME;
        }
        return hash;
    }

    private static String[] words(String folded) {
        List<String> words = new ArrayList<>();
        int position = 0;
        while (position < folded.length()) {
            if (!TextNormalizer.isWordCharacter(folded.charAt(position))) {
                position++;
                continue;
            }
            int start = position;
            while (position < folded.length() && TextNormalizer.isWordCharacter(folded.charAt(position))) {
                position++;
            }
            words.add(folded.substring(start, position));
        }
        return words.toArray(String[]::new);
    }

    private static boolean isUnspacedScript(String folded) {
        return folded.codePoints().anyMatch(codePoint -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
                    || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                    || script == Character.UnicodeScript.MYANMAR;
        });
    }
}
