package io.policygateway.plugins.secretscan;

import java.util.regex.Pattern;

/**
 * Judges a candidate value on its own: is it random enough to be a credential, or is it a
 * placeholder ({@code YOUR_API_KEY}, {@code <token>}, {@code ghp_xxxx...}), a masked value
 * ({@code ********}, {@code sk-...Xk9f}) or a reference to where the secret really lives
 * ({@code ${STRIPE_KEY}}, {@code os.environ[...]}, {@code process.env.TOKEN})?
 */
final class SecretValues {
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "your[_\\- ]|<[^>]*>|\\$\\{|\\{\\{|^\\$[A-Za-z_(]|x{4,}|X{4,}|\\*{3,}|\\.{3}|…|•{3,}|change[_\\-]?me|example"
                    + "|dummy|placeholder|redacted|insert|replace[_\\-]?me|^(?:test|demo|sample|secret|secrets|password"
                    + "|passwd|pass|pwd|token|apikey|api_key|key|none|null|nil|undefined|true|false|empty|todo|tbd|foo|bar"
                    + "|foobar|abc123|123456|12345678|admin|root|user|username|string|value|required|optional|hidden"
                    + "|bearer|basic)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REFERENCE = Pattern.compile(
            "^(?:process\\.env|os\\.environ|os\\.getenv|getenv|System\\.getenv|ENV\\[|env\\.|config\\.|settings\\."
                    + "|secrets\\.|vault:|\\$\\(|%[A-Za-z_]+%)"
                    + "|^[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)+$"
                    + "|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$");

    private SecretValues() {
    }

    /** Shannon entropy of the characters, in bits per character. */
    static double entropy(CharSequence value) {
        if (value.length() == 0) {
            return 0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double entropy = 0;
        double length = value.length();
        for (int count : counts) {
            if (count > 0) {
                double p = count / length;
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = other / length;
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return entropy;
    }

    /** How many of lower-case letters, upper-case letters, digits and symbols the value uses. */
    static int characterClasses(CharSequence value) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /** Placeholders, masked values and format examples rather than real credentials. */
    static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).find() || distinctCharacters(value) <= Math.max(2, value.length() / 8);
    }

    /** A reference to an environment variable, a config entry or code, rather than the secret itself. */
    static boolean isReference(String value) {
        return REFERENCE.matcher(value).find();
    }

    /** Random-looking enough to stand alone as a credential: long, varied and high in entropy. */
    static boolean isStrong(String value) {
        return value.length() >= 16 && characterClasses(value) >= 2 && entropy(value) >= 3.3
                && !isPlaceholder(value) && !isReference(value);
    }

    /** Acceptable as the value of an explicit credential assignment ({@code password = "..."}). */
    static boolean isAssignable(String value) {
        if (value.length() < 8 || isPlaceholder(value) || isReference(value)) {
            return false;
        }
        return isStrong(value) || (characterClasses(value) >= 2 && entropy(value) >= 2.5);
    }

    /** A short password stated outright: six or more characters mixing letters with digits or symbols. */
    static boolean isShortPassword(String value) {
        return value.length() >= 6 && characterClasses(value) >= 2 && !value.chars().allMatch(Character::isLetter)
                && !isPlaceholder(value) && !isReference(value);
    }

    private static int distinctCharacters(String value) {
        return (int) value.chars().distinct().count();
    }
}
