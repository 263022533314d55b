package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** A model name or a pattern with {@code *} wildcards, compiled once at start. */
record ModelPattern(String text, Pattern pattern) {

    ModelPattern {
        requireNonNull(text, "text is null");
        requireNonNull(pattern, "pattern is null");
    }

    static ModelPattern of(String text) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', start)) {
            regex.append(Pattern.quote(text.substring(start, star))).append(".*");
            start = star + 1;
        }
        regex.append(Pattern.quote(text.substring(start)));
        return new ModelPattern(text, Pattern.compile(regex.toString()));
    }

    boolean matches(String model) {
        return pattern.matcher(model).matches();
    }
}
