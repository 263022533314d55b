package io.policygateway.plugins.piiredact;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email addresses: {@code local@domain.tld} with Unicode letters (IDN domains), plus-addressing and
 * dotted local parts; and obfuscated forms a human reads as an address, such as
 * {@code anna [at] example [dot] de} or {@code anna(at)example.de}. Not matched: {@code user@@domain},
 * package specifiers ({@code pkg@1.2.3}) and {@code @mentions}.
 */
final class EmailRecognizer implements Recognizer {
    private static final String LOCAL = "[\\p{L}\\p{N}_%+\\-]+(?:\\.[\\p{L}\\p{N}_%+\\-]+)*";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]{0,61}[\\p{L}\\p{N}])?";
    private static final String TOP_LEVEL = "(?:\\p{L}{2,24}|xn--[a-z0-9\\-]{2,59})";

    private static final Pattern PLAIN = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+\\-])" + LOCAL + "@(?:" + LABEL + "\\.)+" + TOP_LEVEL + "(?![\\p{L}\\p{N}_\\-@])");

    private static final String BRACKETED_AT = "\\s*[\\[({<]\\s*(?:at|@)\\s*[\\])}>]\\s*";
    private static final String BRACKETED_DOT = "\\s*[\\[({<]\\s*(?:dot|\\.)\\s*[\\])}>]\\s*";
    private static final Pattern OBFUSCATED = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+\\-])" + LOCAL
                    + "(?<at>" + BRACKETED_AT + "|\\s+at\\s+)"
                    + "(?<domain>" + LABEL + "(?:(?:" + BRACKETED_DOT + "|\\s+dot\\s+|\\.)" + LABEL + ")+)"
                    + "(?![\\p{L}\\p{N}_\\-@])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DOT_SEPARATOR = Pattern.compile(BRACKETED_DOT + "|\\s+dot\\s+|\\.", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKETED_DOT_PATTERN = Pattern.compile(BRACKETED_DOT, Pattern.CASE_INSENSITIVE);

    private static final char[] OPENING_BRACKETS = {'[', '(', '{', '<'};
    private static final String[] SPELLED_DOTS = {" dot ", " DOT ", " Dot "};

    /** Top-level domains accepted when both "at" and "dot" are spelled out without brackets. */
    private static final Set<String> COMMON_TOP_LEVEL = Set.of("com", "org", "net", "edu", "gov", "io", "de", "fr",
            "uk", "es", "it", "nl", "be", "ch", "at", "in", "ca", "au", "us", "eu", "info", "dev", "app", "me", "co");

    @Override
    public PiiType type() {
        return PiiType.EMAIL;
    }

    @Override
    public void find(String text, Anchors anchors, List<Candidate> out) {
        Matcher plain = PLAIN.matcher(text).useTransparentBounds(true);
        int covered = 0;
        for (int n = 0; n < anchors.atCount(); n++) {
            int at = anchors.at(n);
            if (at < covered) {
                continue;
            }
            int from = at;
            while (from > 0 && at - from < 64 && isLocalCharacter(text.charAt(from - 1))) {
                from--;
            }
            plain.region(from, Math.min(text.length(), at + 256));
            while (plain.find() && plain.start() <= at) {
                if (plain.end() > at) {
                    out.add(new Candidate(PiiType.EMAIL, plain.start(), plain.end(), 0.95));
                    covered = plain.end();
                    break;
                }
            }
        }
        int hint = obfuscationHint(text, 0);
        int searchedTo = 0;
        while (hint >= 0) {
            int from = Math.max(searchedTo, hint - 80);
            int to = Math.min(text.length(), hint + 160);
            findObfuscated(text, from, to, out);
            searchedTo = to;
            hint = obfuscationHint(text, to);
        }
    }

    private static boolean isLocalCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /**
     * The next place from {@code from} that spells an obfuscated "at" or "dot": a bracketed
     * {@code at}, {@code @} or {@code dot}, or a spaced {@code " dot "}; -1 when there is none.
     */
    private static int obfuscationHint(String text, int from) {
        int hint = -1;
        for (char bracket : OPENING_BRACKETS) {
            int at = text.indexOf(bracket, from);
            while (at >= 0 && (hint < 0 || at < hint)) {
                int next = at + 1;
                while (next < text.length() && text.charAt(next) == ' ') {
                    next++;
                }
                if (text.regionMatches(true, next, "at", 0, 2) || text.regionMatches(true, next, "dot", 0, 3)
                        || text.startsWith("@", next)) {
                    hint = at;
                    break;
                }
                at = text.indexOf(bracket, at + 1);
            }
        }
        for (String spelled : SPELLED_DOTS) {
            int at = text.indexOf(spelled, from);
            if (at >= 0 && (hint < 0 || at < hint)) {
                hint = at;
            }
        }
        return hint;
    }

    private static void findObfuscated(String text, int from, int to, List<Candidate> out) {
        Matcher matcher = OBFUSCATED.matcher(text).useTransparentBounds(true).region(from, to);
        while (matcher.find()) {
            boolean bracketedAt = !matcher.group("at").isBlank() && !matcher.group("at").trim().equalsIgnoreCase("at");
            String domain = matcher.group("domain");
            String[] labels = DOT_SEPARATOR.split(domain);
            String topLevel = labels[labels.length - 1].toLowerCase(Locale.ROOT);
            if (!topLevel.chars().allMatch(Character::isLetter) || topLevel.length() < 2) {
                continue;
            }
            boolean bracketedDot = BRACKETED_DOT_PATTERN.matcher(domain).find();
            if (bracketedAt || bracketedDot || COMMON_TOP_LEVEL.contains(topLevel)) {
                out.add(new Candidate(PiiType.EMAIL, matcher.start(), matcher.end(), bracketedAt ? 0.9 : 0.7));
            }
        }
    }
}
