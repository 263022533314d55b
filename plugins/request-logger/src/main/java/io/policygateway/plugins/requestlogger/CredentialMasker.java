package io.policygateway.plugins.requestlogger;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks obvious credential shapes in text before it is stored: bearer tokens, OpenAI and
 * Anthropic keys ({@code sk-…}), AWS access key ids, GitHub, Slack, Stripe and Google API keys,
 * JWTs, PEM private keys (also when cut off before their END line), passwords in URLs and
 * {@code password=…}-style assignments. A last line of defence, not a scanner: put the secret-scan
 * guardrail before the logger for real detection. Works on JSON text too: replacements contain no
 * quote or backslash, so a masked JSON document stays valid. Patterns are compiled once; thread-safe.
 */
final class CredentialMasker {
    static final String MASK = "****";

    /** A pattern and its replacement ({@code $1} keeps a group, e.g. a prefix). */
    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(?:.*?-----END [A-Z0-9 ]*PRIVATE KEY-----|.*)", Pattern.DOTALL),
                    "-----BEGIN $1PRIVATE KEY-----" + MASK + "-----END $1PRIVATE KEY-----"),
            new Rule(Pattern.compile("(?i)\\b(Bearer\\s+)[A-Za-z0-9._~+/=-]{8,}"), "$1" + MASK),
            new Rule(Pattern.compile("\\b(sk-(?:ant-|proj-|svcacct-|admin-)?)[A-Za-z0-9_-]{16,}"), "$1" + MASK),
            new Rule(Pattern.compile("\\b((?:sk|rk|pk)_(?:live|test)_)[A-Za-z0-9]{10,}"), "$1" + MASK),
            new Rule(Pattern.compile("\\b((?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{4})[A-Z0-9]{12}\\b"), "$1" + MASK),
            new Rule(Pattern.compile("\\b(gh[pousr]_|github_pat_)[A-Za-z0-9_]{20,}"), "$1" + MASK),
            new Rule(Pattern.compile("\\b(xox[abposr]-)[A-Za-z0-9-]{10,}"), "$1" + MASK),
            new Rule(Pattern.compile("\\b(AIza)[0-9A-Za-z_-]{35,}"), "$1" + MASK),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"), MASK),
            new Rule(Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@\"\\\\]+:)[^\\s@/\"\\\\]+@"), "$1" + MASK + "@"),
            new Rule(Pattern.compile("(?i)\\b((?:password|passwd|pwd|secret|client_secret|api[_-]?key|access[_-]?token|auth[_-]?token)"
                    + "(?:\\\\?[\"'])?\\s*[:=]\\s*(?:\\\\?[\"'])?)[^\\s\"'\\\\,;&}]{4,}"), "$1" + MASK));

    private CredentialMasker() {
    }

    /** The text with every credential shape replaced; the same string when nothing matched. */
    static String mask(String text) {
        String masked = text;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(masked);
            if (matcher.find()) {
                masked = matcher.replaceAll(rule.replacement());
            }
        }
        return masked;
    }
}
