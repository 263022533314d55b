package io.policygateway.plugins.wordfilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds banned words and phrases in text. Built once from the configured list; immutable and
 * thread-safe.
 *
 * <p>Both the list and the text are folded by {@link TextNormalizer}. With whole-word matching
 * (the default) the folded text is split into words (runs of letters and digits) and a term
 * matches a run of whole words, whatever separates them ("bad  word", "bad-word"). Terms in
 * scripts written without spaces (Chinese, Japanese, Thai) match anywhere, as do all terms when
 * whole-word matching is off. Where matches overlap, the earliest and then the longest wins.
 */
public final class BannedWords {
    private final TextNormalizer normalizer;
    private final boolean wholeWords;
    private final Map<String, List<String[]>> phrasesByFirstWord = new HashMap<>();
    private final List<String> anywhereTerms = new ArrayList<>();
    private final int longestTerm;

    /**
     * @param terms the banned words and phrases as configured (any case, any spelling)
     * @param leetspeak whether digits and symbols inside words are read as letters
     * @param wholeWords whether terms match whole words only
     */
    public BannedWords(List<String> terms, boolean leetspeak, boolean wholeWords) {
        this.normalizer = new TextNormalizer(leetspeak);
        this.wholeWords = wholeWords;
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
                phrasesByFirstWord.computeIfAbsent(words[0], first -> new ArrayList<>()).add(words);
            }
        }
        phrasesByFirstWord.values().forEach(phrases -> phrases.sort((left, right) -> right.length - left.length));
        this.longestTerm = longest;
    }

    /** The length of the longest configured term, in characters (for stream hold-back). */
    public int longestTerm() {
        return longestTerm;
    }

    /** The banned words and phrases in {@code text}, sorted, never overlapping. */
    public List<WordMatch> find(String text) {
        TextNormalizer.Folded folded = normalizer.fold(text);
        List<int[]> spans = new ArrayList<>();
        if (!phrasesByFirstWord.isEmpty()) {
            findWords(folded.text(), spans);
        }
        for (String term : anywhereTerms) {
            int from = 0;
            int at;
            while ((at = folded.text().indexOf(term, from)) >= 0) {
                spans.add(new int[] {at, at + term.length()});
                from = at + 1;
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
            matches.add(new WordMatch(folded.originalStart()[span[0]], folded.originalEnd()[span[1] - 1]));
            covered = span[1];
        }
        return List.copyOf(matches);
    }

    private void findWords(String folded, List<int[]> spans) {
        List<int[]> words = new ArrayList<>();
        int position = 0;
        int length = folded.length();
        while (position < length) {
            if (!Character.isLetterOrDigit(folded.charAt(position))) {
                position++;
                continue;
            }
            int start = position;
            while (position < length && Character.isLetterOrDigit(folded.charAt(position))) {
                position++;
            }
            words.add(new int[] {start, position});
        }
        for (int i = 0; i < words.size(); i++) {
            int[] word = words.get(i);
            List<String[]> phrases = phrasesByFirstWord.get(folded.substring(word[0], word[1]));
            if (phrases == null) {
                continue;
            }
            for (String[] phrase : phrases) {
                if (matchesAt(folded, words, i, phrase)) {
                    spans.add(new int[] {word[0], words.get(i + phrase.length - 1)[1]});
                    break;
                }
            }
        }
    }

    private static boolean matchesAt(String folded, List<int[]> words, int first, String[] phrase) {
        if (first + phrase.length > words.size()) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            int[] word = words.get(first + k);
            if (!folded.regionMatches(word[0], phrase[k], 0, phrase[k].length()) || word[1] - word[0] != phrase[k].length()) {
                return false;
            }
        }
        return true;
    }

    private static String[] words(String folded) {
        List<String> words = new ArrayList<>();
        int position = 0;
        while (position < folded.length()) {
            if (!Character.isLetterOrDigit(folded.charAt(position))) {
                position++;
                continue;
            }
            int start = position;
            while (position < folded.length() && Character.isLetterOrDigit(folded.charAt(position))) {
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
