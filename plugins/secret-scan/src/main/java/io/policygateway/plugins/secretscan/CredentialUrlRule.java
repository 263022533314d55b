package io.policygateway.plugins.secretscan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs with a password: {@code scheme://user:password@host...}, the whole URL up to whitespace,
 * a quote or closing punctuation. A user name without a password, and placeholder credentials
 * ({@code user:pass@host}, {@code USER:PASSWORD@HOST}, {@code ${DB_PASSWORD}}) are not secrets.
 */
final class CredentialUrlRule implements Rule {
    private static final Pattern URL = Pattern.compile(
            "(?<![A-Za-z0-9+.\\-])[A-Za-z][A-Za-z0-9+.\\-]{1,30}://(?<user>[^\\s:/?#@'\"<>\\[\\]`]{1,128})"
                    + ":(?<password>[^\\s/?#@'\"<>\\[\\]`]{1,256})@[^\\s/?#'\"<>@`]{1,253}[^\\s'\"<>`]*");

    @Override
    public void find(String text, List<Candidate> out) {
        int separator = text.indexOf("://");
        Matcher matcher = separator < 0 ? null : URL.matcher(text).useTransparentBounds(true);
        while (separator >= 0) {
            int start = separator;
            while (start > 0 && separator - start < 31 && isSchemeCharacter(text.charAt(start - 1))) {
                start--;
            }
            matcher.region(start, text.length());
            if (start < separator && matcher.lookingAt()) {
                String password = matcher.group("password");
                if (!SecretValues.isPlaceholder(password) && !SecretValues.isReference(password) && password.length() >= 3) {
                    out.add(new Candidate(SecretType.PASSWORD_IN_URL, start, trimEnd(text, start, matcher.end()), 0.85));
                }
            }
            separator = text.indexOf("://", separator + 3);
        }
    }

    private static boolean isSchemeCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-';
    }

    /** Drops sentence punctuation and unbalanced closing brackets that follow the URL. */
    private static int trimEnd(String text, int start, int end) {
        int position = end;
        while (position > start) {
            char last = text.charAt(position - 1);
            if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?') {
                position--;
            } else if ((last == ')' || last == ']' || last == '}') && !opens(text, start, position - 1, last)) {
                position--;
            } else {
                break;
            }
        }
        return position;
    }

    private static boolean opens(String text, int start, int end, char closing) {
        char opening = closing == ')' ? '(' : closing == ']' ? '[' : '{';
        int depth = 0;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == opening) {
                depth++;
            } else if (text.charAt(i) == closing) {
                depth--;
            }
        }
        return depth > 0;
    }
}
