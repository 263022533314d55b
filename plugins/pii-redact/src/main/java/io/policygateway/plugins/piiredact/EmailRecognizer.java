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
    private static final Pattern OBFUSCATION_HINT = Pattern.compile(
            "[\\[({<]\\s*(?:at|@|dot)\\s*[\\])}>]|\\sdot\\s", Pattern.CASE_INSENSITIVE);

    /** Top-level domains accepted when both "at" and "dot" are spelled out without brackets. */
    private static final Set<String> COMMON_TOP_LEVEL = Set.of("com", "org", "net", "edu", "gov", "io", "de", "fr",
            "uk", "es", "it", "nl", "be", "ch", "at", "in", "ca", "au", "us", "eu", "info", "dev", "app", "me", "co");

    @Override
    public PiiType type() {
        return PiiType.EMAIL;
    }

    @Override
    public void find(String text, List<Candidate> out) {
        if (text.indexOf('@') >= 0) {
            Matcher matcher = PLAIN.matcher(text);
            while (matcher.find()) {
                out.add(new Candidate(PiiType.EMAIL, matcher.start(), matcher.end(), 0.95));
            }
        }
        if (mayBeObfuscated(text)) {
            findObfuscated(text, out);
        }
    }

    private static boolean mayBeObfuscated(String text) {
        return OBFUSCATION_HINT.matcher(text).find();
    }

    private static void findObfuscated(String text, List<Candidate> out) {
        Matcher matcher = OBFUSCATED.matcher(text);
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
