package io.policygateway.plugins.promptshield.classifier;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a run of letters without spaces ({@code ignoreyourrules}) back into words, choosing the
 * split with the fewest dictionary words (dynamic programming). The dictionary is every word the
 * English rules use plus common function words. Immutable and thread-safe.
 */
final class WordSegmenter {
    private static final int MAX_WORD = 24;
    private static final int UNKNOWN_CHARACTER_COST = 4;
    private static final List<String> COMMON_WORDS = List.of(
            "a", "i", "an", "the", "and", "or", "to", "of", "in", "on", "at", "for", "with", "from", "by", "as", "is",
            "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "me", "my", "we", "us",
            "our", "you", "your", "he", "she", "they", "them", "his", "her", "their", "what", "which", "who", "how",
            "now", "then", "so", "do", "does", "did", "not", "no", "all", "any", "every", "just", "please", "tell",
            "say", "give", "show", "print", "reveal", "write", "make", "let", "can", "will", "must", "should", "would",
            "have", "has", "had", "about", "above", "below", "before", "after", "secret", "password", "passwords",
            "key", "keys", "admin", "data", "user", "users", "hidden", "prompt", "system", "rules", "instructions",
            "stored", "list", "send", "everything", "anything", "here", "there", "up", "out", "into", "over", "again");

    private final Set<String> dictionary;

    WordSegmenter(Set<String> ruleWords) {
        Set<String> words = new HashSet<>(ruleWords);
        words.addAll(COMMON_WORDS);
        this.dictionary = Set.copyOf(words);
    }

    /** The run split into words, or the run itself when it does not split well. */
    String segment(String run) {
        String letters = run.replace(" ", "");
        int length = letters.length();
        if (length < 6 || length > 200) {
            return run;
        }
        int[] cost = new int[length + 1];
        int[] previous = new int[length + 1];
        java.util.Arrays.fill(cost, Integer.MAX_VALUE);
        cost[0] = 0;
        for (int end = 1; end <= length; end++) {
            for (int start = Math.max(0, end - MAX_WORD); start < end; start++) {
                if (cost[start] == Integer.MAX_VALUE) {
                    continue;
                }
                int step = dictionary.contains(letters.substring(start, end)) ? 1
                        : end - start == 1 ? UNKNOWN_CHARACTER_COST : Integer.MAX_VALUE;
                if (step != Integer.MAX_VALUE && cost[start] + step < cost[end]) {
                    cost[end] = cost[start] + step;
                    previous[end] = start;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int unknown = 0;
        int end = length;
        while (end > 0) {
            int start = previous[end];
            if (end - start == 1 && !dictionary.contains(letters.substring(start, end))) {
                unknown++;
            }
            out.insert(0, letters, start, end);
            if (start > 0) {
                out.insert(0, ' ');
            }
            end = start;
        }
        return unknown * 5 > length ? run : out.toString();
    }
}
