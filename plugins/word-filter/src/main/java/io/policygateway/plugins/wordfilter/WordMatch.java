package io.policygateway.plugins.wordfilter;

import io.policygateway.api.guardrail.TextSpan;

/**
 * A banned word or phrase found in a text.
 *
 * @param start the first character in the original text, in UTF-16 code units
 * @param end one past the last character in the original text, in UTF-16 code units
 */
public record WordMatch(int start, int end) {
    public WordMatch {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    TextSpan toTextSpan() {
        return new TextSpan(start, end, "banned_word");
    }
}
