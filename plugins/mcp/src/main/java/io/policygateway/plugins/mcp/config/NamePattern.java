package io.policygateway.plugins.mcp.config;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A tool name as written in an allow or deny list: an exact name, or a glob where {@code *}
 * stands for any run of characters ({@code github__*}). Compiled once, when the config is read.
 *
 * @param text the name or glob as configured
 * @param regex the compiled form
 */
public record NamePattern(String text, Pattern regex) {

    public NamePattern {
        requireNonNull(text, "text is null");
        requireNonNull(regex, "regex is null");
    }

    /** Compiles a name or glob. */
    public static NamePattern of(String text) {
        requireNonNull(text, "text is null");
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', start)) {
            regex.append(Pattern.quote(text.substring(start, star))).append(".*");
            start = star + 1;
        }
        regex.append(Pattern.quote(text.substring(start)));
        return new NamePattern(text, Pattern.compile(regex.toString()));
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}
