package io.policygateway.plugins.piiredact;

import java.util.Locale;
import java.util.Set;

/** Looks at the words around a candidate: "SSN 123-45-6789" versus "part no. 123-45-6789". */
final class Context {
    private Context() {
    }

    /**
     * Whether one of {@code words} (lower-case, letters only) is among the {@code count} words
     * before {@code start}, looking no further back than {@code maxChars} characters.
     */
    static boolean wordBefore(String text, int start, int count, int maxChars, Set<String> words) {
        int limit = Math.max(0, start - maxChars);
        int position = start;
        for (int seen = 0; seen < count; seen++) {
            while (position > limit && !Character.isLetter(text.charAt(position - 1))) {
                position--;
            }
            int end = position;
            while (position > limit && Character.isLetter(text.charAt(position - 1))) {
                position--;
            }
            if (end == position) {
                return false;
            }
            if (words.contains(text.substring(position, end).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of {@code words} is among the {@code count} words after {@code end}, within {@code maxChars}. */
    static boolean wordAfter(String text, int end, int count, int maxChars, Set<String> words) {
        int limit = Math.min(text.length(), end + maxChars);
        int position = end;
        for (int seen = 0; seen < count; seen++) {
            while (position < limit && !Character.isLetter(text.charAt(position))) {
                position++;
            }
            int begin = position;
            while (position < limit && Character.isLetter(text.charAt(position))) {
                position++;
            }
            if (begin == position) {
                return false;
            }
            if (words.contains(text.substring(begin, position).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
