package io.policygateway.plugins.secretscan;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.guardrail.TextSpan;

/**
 * A credential found in a text.
 *
 * @param type what it is
 * @param start the first character, in UTF-16 code units
 * @param end one past the last character, in UTF-16 code units
 */
public record SecretSpan(SecretType type, int start, int end) {
    public SecretSpan {
        requireNonNull(type, "type is null");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    /** The text the span covers. */
    public String valueIn(String text) {
        return text.substring(start, end);
    }

    /** The same span in the API's type-agnostic form. */
    public TextSpan toTextSpan() {
        return new TextSpan(start, end, type.id());
    }
}
