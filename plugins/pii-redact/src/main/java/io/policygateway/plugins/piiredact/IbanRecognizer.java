package io.policygateway.plugins.piiredact;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * International Bank Account Numbers of any IBAN country, grouped in fours or compact, in upper or
 * lower case: the length must be the one registered for the country and the ISO 7064 mod-97 check
 * must hold. Wrong check digits, placeholders, BIC/SWIFT codes and sort codes are not IBANs.
 */
final class IbanRecognizer implements Recognizer {
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])[A-Za-z]{2}\\d{2}(?:[ \\-]?[A-Za-z0-9]{1,4}){3,9}");

    /** IBAN length by country (the SWIFT IBAN registry). */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LC", 32),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25),
            Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29),
            Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33),
            Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
            Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    @Override
    public PiiType type() {
        return PiiType.IBAN;
    }

    @Override
    public void find(String text, Anchors anchors, List<Candidate> out) {
        Matcher matcher = CANDIDATE.matcher(text).useTransparentBounds(true);
        int covered = 0;
        for (int n = 0; n < anchors.digitRunCount(); n++) {
            int start = anchors.digitRun(n) - 2;
            if (start < covered || !isAsciiLetter(text.charAt(start)) || !isAsciiLetter(text.charAt(start + 1))) {
                continue;
            }
            Integer length = LENGTHS.get(text.substring(start, start + 2).toUpperCase(Locale.ROOT));
            if (length == null) {
                continue;
            }
            matcher.region(start, Math.min(text.length(), start + 50));
            if (!matcher.lookingAt()) {
                continue;
            }
            int end = endOfIban(text, start, matcher.end(), length);
            if (end > 0) {
                out.add(new Candidate(PiiType.IBAN, start, end, 0.95));
                covered = end;
            }
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /**
     * Where an IBAN of {@code length} characters starting at {@code start} ends, if the candidate
     * holds one that ends at a group boundary and passes mod-97; otherwise -1. The candidate may
     * run on into a following word ("... 8662 61 is"), which is cut off here.
     */
    private static int endOfIban(String text, int start, int candidateEnd, int length) {
        StringBuilder compact = new StringBuilder(length);
        int position = start;
        while (position < candidateEnd && compact.length() < length) {
            char c = text.charAt(position);
            if (c != ' ' && c != '-') {
                compact.append(Character.toUpperCase(c));
            }
            position++;
        }
        if (compact.length() < length) {
            return -1;
        }
        boolean atBoundary = position == text.length() || !Character.isLetterOrDigit(text.charAt(position));
        if (!atBoundary || !mod97(compact)) {
            return -1;
        }
        return position;
    }

    /** The ISO 7064 MOD 97-10 check: the rearranged number, read as digits, is 1 modulo 97. */
    static boolean mod97(CharSequence iban) {
        int remainder = 0;
        for (int i = 0; i < iban.length(); i++) {
            char c = iban.charAt((i + 4) % iban.length());
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
                remainder = (remainder * 10 + value) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                value = c - 'A' + 10;
                remainder = (remainder * 100 + value) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }
}
