package io.policygateway.plugins.piiredact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers of the major networks (Visa, Mastercard 51-55 and 2221-2720, American
 * Express, Discover, JCB, Diners Club, UnionPay) with spaces, dashes or no separators, that pass
 * the Luhn check and have the length their network issues. Card-shaped numbers that fail Luhn,
 * masked numbers ({@code **** 4242}) and "ending in 4242" are not cards.
 */
final class CreditCardRecognizer implements Recognizer {
    private static final Pattern CARD = Pattern.compile(
            "(?<![\\p{L}\\p{N}_\\-.])\\d{4}(?:[ \\-]?\\d{2,6}){2,4}(?![\\p{L}\\p{N}_]|[\\-.]\\p{N})");

    @Override
    public PiiType type() {
        return PiiType.CREDIT_CARD;
    }

    @Override
    public void find(String text, Anchors anchors, List<Candidate> out) {
        Matcher matcher = CARD.matcher(text).useTransparentBounds(true);
        int covered = 0;
        for (int n = 0; n < anchors.digitRunCount(); n++) {
            int start = anchors.digitRun(n);
            int digits = anchors.digitRunLength(n);
            if (start < covered || (digits != 4 && (digits < 13 || digits > 19))) {
                continue;
            }
            matcher.region(start, Math.min(text.length(), start + 30));
            if (!matcher.lookingAt()) {
                continue;
            }
            int end = longestCard(text, start, matcher.end());
            if (end > 0) {
                out.add(new Candidate(PiiType.CREDIT_CARD, start, end, 0.9));
                covered = end;
            }
        }
    }

    /**
     * The end of the longest run of whole digit groups from {@code start} that is a valid card
     * number, or -1: the candidate may have run on into a following number.
     */
    private static int longestCard(String text, int start, int end) {
        StringBuilder digits = new StringBuilder(19);
        int best = -1;
        for (int position = start; position < end; position++) {
            char c = text.charAt(position);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                boolean groupEnds = position + 1 == end || !Character.isDigit(text.charAt(position + 1));
                int length = digits.length();
                if (groupEnds && length >= 13 && length <= 19 && luhn(digits) && issuedLength(digits.toString())) {
                    best = position + 1;
                }
            }
        }
        return best;
    }

    /** The Luhn (mod 10) check every payment card number satisfies. */
    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** Whether a network issues numbers with this prefix and length. */
    static boolean issuedLength(String digits) {
        int length = digits.length();
        int two = Integer.parseInt(digits.substring(0, 2));
        int three = Integer.parseInt(digits.substring(0, 3));
        int four = Integer.parseInt(digits.substring(0, 4));
        int six = Integer.parseInt(digits.substring(0, 6));
        if (digits.charAt(0) == '4') {
            return length == 13 || length == 16 || length == 19;
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return length == 16;
        }
        if (two == 34 || two == 37) {
            return length == 15;
        }
        if (four == 6011 || (three >= 644 && three <= 649) || two == 65 || (six >= 622126 && six <= 622925)) {
            return length >= 16 && length <= 19;
        }
        if (four >= 3528 && four <= 3589) {
            return length >= 16 && length <= 19;
        }
        if ((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39 || three == 309) {
            return length >= 14 && length <= 19;
        }
        if (two == 62) {
            return length >= 16 && length <= 19;
        }
        return false;
    }
}
