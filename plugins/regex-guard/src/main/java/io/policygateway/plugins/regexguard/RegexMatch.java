package io.policygateway.plugins.regexguard;

import static java.util.Objects.requireNonNull;

/**
 * A match of one rule in a text.
 *
 * @param rule the rule that matched
 * @param start the first character, in UTF-16 code units
 * @param end one past the last character, in UTF-16 code units
 */
record RegexMatch(RegexRule rule, int start, int end) {
    RegexMatch {
        requireNonNull(rule, "rule is null");
    }
}
