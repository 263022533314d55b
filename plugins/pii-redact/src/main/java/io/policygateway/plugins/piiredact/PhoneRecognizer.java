package io.policygateway.plugins.piiredact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers in three families, each validated on its digits rather than on its look:
 * <ul>
 *   <li>international ({@code +} or {@code 00} and a country code): the number of digits after
 *       the country code must fit that country's plan (UK 9-10, DE 6-13, FR 9, IN 10, ...);</li>
 *   <li>NANP ({@code (415) 555-2671}, {@code 415.555.2671}, {@code 1 415 555 2671}): area code and
 *       exchange start with 2-9; unseparated ten-digit numbers need a word such as "call" or
 *       "phone" nearby, because order numbers and Unix timestamps look the same;</li>
 *   <li>national numbers with a trunk 0 (UK {@code 0121 568 3582}, DE {@code 0176 46636166}, FR
 *       {@code 07 73 81 50 55}, IN {@code 072797 40616}): 9 to 12 digits, not a date.</li>
 * </ul>
 * Extensions ({@code ext. 12}) are left out of the span. Numbers introduced as an order, ticket,
 * serial, meeting ID, ISBN and the like are not phones; emergency numbers are too short to match.
 */
final class PhoneRecognizer implements Recognizer {
    private static final String GROUP = "(?:\\(\\d{1,5}\\)|\\d{1,8})";
    private static final Pattern INTERNATIONAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+\\-.])(?:\\+|00)[ ]?" + GROUP + "(?:[ .\\-]?" + GROUP + "){0,7}(?![\\p{L}\\p{N}_])");
    private static final Pattern NANP = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+\\-.])(?:1[ .\\-]?)?(?:\\(([2-9]\\d{2})\\)[ .\\-]?|([2-9]\\d{2})[ .\\-])([2-9]\\d{2})[ .\\-](\\d{4})"
                    + "(?![\\p{L}\\p{N}_]|[.\\-]\\p{N})");
    private static final Pattern NANP_COMPACT = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+\\-.])1?([2-9]\\d{2})[2-9]\\d{6}(?![\\p{L}\\p{N}_]|[.\\-]\\p{N})");
    private static final Pattern NATIONAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+\\-./])(?:\\(0\\d{1,4}\\)|0[1-9]\\d{0,4})(?:[ .\\-/]?\\d{2,8}){1,4}"
                    + "(?![\\p{L}\\p{N}_:]|[.\\-/]\\p{N})");
    private static final Pattern DATE_LIKE = Pattern.compile("^\\d{1,2}[./\\-]\\d{1,2}[./\\-](\\d{2,4})");

    /** Words that introduce a number that is not a phone number (checked among the three words before). */
    private static final Set<String> NOT_A_PHONE = Set.of("order", "orders", "ticket", "invoice", "serial", "meeting",
            "passcode", "pin", "isbn", "batch", "lot", "part", "tracking", "case", "reference", "ref", "policy",
            "transaction", "confirmation", "sku", "model", "build", "version", "timestamp", "epoch", "unix", "id",
            "account", "acct", "iban", "card", "ssn", "zip", "postcode", "code", "bestellnummer", "bestellung",
            "auftragsnummer", "rechnungsnummer", "kundennummer", "commande", "facture", "pedido", "factura",
            "seconds", "ms", "bytes", "kb", "mb", "release", "patent", "voucher", "coupon");
    /** Words that make an unseparated ten-digit number a phone number. */
    private static final Set<String> PHONE_WORDS = Set.of("phone", "telephone", "tel", "call", "mobile", "cell",
            "cellphone", "text", "sms", "whatsapp", "fax", "dial", "ring", "reach", "contact", "callback", "landline",
            "hotline", "telefon", "telefonnummer", "handy", "mobil", "portable", "téléphone", "telefono", "teléfono",
            "móvil", "movil", "numéro", "number");

    /** National significant number lengths by country calling code (others: 6 to 12). */
    private static final Map<String, int[]> NUMBER_LENGTHS = Map.ofEntries(
            Map.entry("1", new int[] {10, 10}), Map.entry("7", new int[] {10, 10}),
            Map.entry("20", new int[] {9, 10}), Map.entry("27", new int[] {9, 9}), Map.entry("30", new int[] {10, 10}),
            Map.entry("31", new int[] {9, 9}), Map.entry("32", new int[] {8, 9}), Map.entry("33", new int[] {9, 9}),
            Map.entry("34", new int[] {9, 9}), Map.entry("36", new int[] {8, 9}), Map.entry("39", new int[] {6, 11}),
            Map.entry("40", new int[] {9, 9}), Map.entry("41", new int[] {9, 9}), Map.entry("43", new int[] {4, 13}),
            Map.entry("44", new int[] {9, 10}), Map.entry("45", new int[] {8, 8}), Map.entry("46", new int[] {7, 13}),
            Map.entry("47", new int[] {8, 8}), Map.entry("48", new int[] {9, 9}), Map.entry("49", new int[] {6, 13}),
            Map.entry("51", new int[] {8, 9}), Map.entry("52", new int[] {10, 10}), Map.entry("54", new int[] {10, 11}),
            Map.entry("55", new int[] {10, 11}), Map.entry("56", new int[] {9, 9}), Map.entry("57", new int[] {10, 10}),
            Map.entry("60", new int[] {8, 10}), Map.entry("61", new int[] {9, 9}), Map.entry("62", new int[] {8, 12}),
            Map.entry("63", new int[] {10, 10}), Map.entry("64", new int[] {8, 10}), Map.entry("65", new int[] {8, 8}),
            Map.entry("66", new int[] {8, 9}), Map.entry("81", new int[] {9, 10}), Map.entry("82", new int[] {8, 10}),
            Map.entry("84", new int[] {9, 10}), Map.entry("86", new int[] {10, 11}), Map.entry("90", new int[] {10, 10}),
            Map.entry("91", new int[] {10, 10}), Map.entry("92", new int[] {9, 10}), Map.entry("98", new int[] {10, 10}));
    /** Two-digit country calling codes; other codes not starting with 1 or 7 have three digits. */
    private static final Set<String> TWO_DIGIT_CODES = Set.of("20", "27", "30", "31", "32", "33", "34", "36", "39", "40",
            "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61",
            "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

    @Override
    public PiiType type() {
        return PiiType.PHONE;
    }

    @Override
    public void find(String text, Anchors anchors, List<Candidate> out) {
        if (anchors.digitRunCount() == 0) {
            return;
        }
        findInternational(text, anchors, out);
        findNanp(text, anchors, out);
        findNational(text, anchors, out);
    }

    private static void findInternational(String text, Anchors anchors, List<Candidate> out) {
        Matcher matcher = INTERNATIONAL.matcher(text).useTransparentBounds(true);
        int covered = 0;
        for (int n = 0; n < anchors.digitRunCount(); n++) {
            int digit = anchors.digitRun(n);
            boolean plus = digit > 0 && text.charAt(digit - 1) == '+';
            int start = plus ? digit - 1 : digit;
            if (start < covered || (!plus && !text.startsWith("00", digit))) {
                continue;
            }
            matcher.region(start, Math.min(text.length(), start + 40));
            if (!matcher.lookingAt()) {
                continue;
            }
            if (!plus && Context.wordBefore(text, start, 3, 40, NOT_A_PHONE)) {
                continue;
            }
            int end = longestValidInternational(text, start + (plus ? 1 : 2), matcher.end());
            if (end > 0) {
                out.add(new Candidate(PiiType.PHONE, start, end, plus ? 0.85 : 0.7));
                covered = end;
            }
        }
    }

    /** The end of the longest prefix (ending after a digit group) that is a plausible number, or -1. */
    private static int longestValidInternational(String text, int from, int to) {
        List<Integer> groupEnds = new ArrayList<>();
        List<String> digitPrefixes = new ArrayList<>();
        StringBuilder digits = new StringBuilder();
        int position = from;
        while (position < to) {
            char c = text.charAt(position);
            if (c == '(') {
                int close = text.indexOf(')', position);
                String inside = text.substring(position + 1, close);
                boolean trunkZero = inside.equals("0") && digits.length() > 0;
                if (!trunkZero) {
                    digits.append(inside);
                }
                position = close + 1;
                groupEnds.add(position);
                digitPrefixes.add(digits.toString());
            } else if (Character.isDigit(c)) {
                while (position < to && Character.isDigit(text.charAt(position))) {
                    digits.append(text.charAt(position));
                    position++;
                }
                groupEnds.add(position);
                digitPrefixes.add(digits.toString());
            } else {
                position++;
            }
        }
        for (int i = groupEnds.size() - 1; i >= 0; i--) {
            if (plausibleInternational(digitPrefixes.get(i))) {
                return groupEnds.get(i);
            }
        }
        return -1;
    }

    private static boolean plausibleInternational(String digits) {
        if (digits.length() < 8 || digits.length() > 15 || digits.charAt(0) == '0') {
            return false;
        }
        int codeLength;
        if (digits.charAt(0) == '1' || digits.charAt(0) == '7') {
            codeLength = 1;
        } else if (TWO_DIGIT_CODES.contains(digits.substring(0, 2))) {
            codeLength = 2;
        } else {
            codeLength = 3;
        }
        int[] range = NUMBER_LENGTHS.getOrDefault(digits.substring(0, codeLength), new int[] {6, 12});
        int national = digits.length() - codeLength;
        if (codeLength == 1 && digits.charAt(0) == '1' && national == 10) {
            return digits.charAt(1) >= '2' && digits.charAt(4) >= '2';
        }
        return national >= range[0] && national <= range[1];
    }

    private static void findNanp(String text, Anchors anchors, List<Candidate> out) {
        Matcher separated = NANP.matcher(text).useTransparentBounds(true);
        Matcher compact = NANP_COMPACT.matcher(text).useTransparentBounds(true);
        int covered = 0;
        for (int n = 0; n < anchors.digitRunCount(); n++) {
            int digit = anchors.digitRun(n);
            int digits = anchors.digitRunLength(n);
            int start = digit > 0 && text.charAt(digit - 1) == '(' ? digit - 1 : digit;
            boolean plausible = digits == 3 || digits == 10 || digits == 11 || (digits == 1 && text.charAt(digit) == '1');
            if (start < covered || !plausible) {
                continue;
            }
            separated.region(start, Math.min(text.length(), start + 20));
            if (separated.lookingAt()) {
                String area = separated.group(1) != null ? separated.group(1) : separated.group(2);
                if (!isServiceCode(area) && !Context.wordBefore(text, start, 3, 40, NOT_A_PHONE)) {
                    out.add(new Candidate(PiiType.PHONE, start, separated.end(), 0.75));
                    covered = separated.end();
                }
                continue;
            }
            compact.region(digit, Math.min(text.length(), digit + 11));
            if (compact.lookingAt() && !isServiceCode(compact.group(1))
                    && Context.wordBefore(text, digit, 4, 50, PHONE_WORDS)
                    && !Context.wordBefore(text, digit, 3, 40, NOT_A_PHONE)) {
                out.add(new Candidate(PiiType.PHONE, digit, compact.end(), 0.6));
                covered = compact.end();
            }
        }
    }

    /** "01.02.2023" or "02/12/2023 14": a date, possibly followed by an hour; five pairs are a French phone number. */
    private static boolean isDate(String candidate, int groups) {
        Matcher date = DATE_LIKE.matcher(candidate);
        return date.find() && (groups == 3 || date.group(1).length() == 4);
    }

    private static boolean isServiceCode(String area) {
        return area.charAt(1) == '1' && area.charAt(2) == '1';
    }

    private static void findNational(String text, Anchors anchors, List<Candidate> out) {
        Matcher matcher = NATIONAL.matcher(text).useTransparentBounds(true);
        int covered = 0;
        for (int n = 0; n < anchors.digitRunCount(); n++) {
            int digit = anchors.digitRun(n);
            if (text.charAt(digit) != '0') {
                continue;
            }
            int start = digit > 0 && text.charAt(digit - 1) == '(' ? digit - 1 : digit;
            if (start < covered) {
                continue;
            }
            matcher.region(start, Math.min(text.length(), start + 30));
            if (!matcher.lookingAt()) {
                continue;
            }
            String candidate = matcher.group();
            if (Context.wordBefore(text, matcher.start(), 3, 40, NOT_A_PHONE)) {
                continue;
            }
            int digits = 0;
            boolean allPairs = true;
            int groups = 0;
            int run = 0;
            for (int i = 0; i < candidate.length(); i++) {
                if (Character.isDigit(candidate.charAt(i))) {
                    digits++;
                    run++;
                } else if (run > 0) {
                    allPairs &= run == 2;
                    groups++;
                    run = 0;
                }
            }
            if (run > 0) {
                allPairs &= run == 2;
                groups++;
            }
            if (isDate(candidate, groups)) {
                continue;
            }
            boolean frenchStyle = allPairs && groups >= 4;
            if (digits < 9 || digits > 12 || (frenchStyle && digits != 10)) {
                continue;
            }
            out.add(new Candidate(PiiType.PHONE, matcher.start(), matcher.end(), 0.65));
            covered = matcher.end();
        }
    }
}
