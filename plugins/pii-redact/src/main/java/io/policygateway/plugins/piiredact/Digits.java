package io.policygateway.plugins.piiredact;

/** Small helpers for digit strings. */
final class Digits {
    private Digits() {
    }

    /** The digits of {@code text}, in order, without separators. */
    static String only(CharSequence text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
