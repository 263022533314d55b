package io.policygateway.plugins.regexguard;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * One configured pattern.
 *
 * @param name the name used in verdict details and messages (never the matched text)
 * @param pattern the compiled expression
 * @param action what a match leads to
 * @param replacement the text a match becomes when the action is redact
 */
record RegexRule(String name, Pattern pattern, RegexAction action, String replacement) {
    RegexRule {
        requireNonNull(name, "name is null");
        requireNonNull(pattern, "pattern is null");
        requireNonNull(action, "action is null");
        requireNonNull(replacement, "replacement is null");
    }
}
