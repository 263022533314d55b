package io.policygateway.api.guardrail;

import static java.util.Objects.requireNonNull;

/**
 * A typed region of a text, as detectors report it.
 *
 * @param start the first character, in UTF-16 code units ({@link String#charAt} indices)
 * @param end one past the last character, in UTF-16 code units
 * @param type what the region is, e.g. {@code email} or {@code github_token}
 */
public record TextSpan(int start, int end, String type) {
    public TextSpan {
        requireNonNull(type, "type is null");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    /** Whether the two spans share at least one character. */
    public boolean overlaps(TextSpan other) {
        return start < other.end && other.start < end;
    }

    /** The text the span covers in {@code text}. */
    public String valueIn(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}
