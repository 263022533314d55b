package io.policygateway.plugins.piiredact;

import java.util.Arrays;

/**
 * Where in a text an entity can start, found in one pass so that recognizers run their patterns
 * only there ({@code lookingAt} with transparent bounds) instead of at every character: regex
 * scanning of a whole prompt costs far more than checking a few dozen positions.
 *
 * <p>Numeric entities (phones, cards, SSNs, IBANs, IPv4) start at or just before the first digit
 * of a run of ASCII digits; emails contain {@code @}; IPv6 addresses contain {@code :}.
 */
final class Anchors {
    private final int[] digitRuns;
    private final int[] digitRunEnds;
    private final int digitRunCount;
    private final int[] ats;
    private final int atCount;
    private final int[] colons;
    private final int colonCount;

    private Anchors(int[] digitRuns, int[] digitRunEnds, int digitRunCount, int[] ats, int atCount, int[] colons,
            int colonCount) {
        this.digitRuns = digitRuns;
        this.digitRunEnds = digitRunEnds;
        this.digitRunCount = digitRunCount;
        this.ats = ats;
        this.atCount = atCount;
        this.colons = colons;
        this.colonCount = colonCount;
    }

    static Anchors of(String text) {
        int[] digitRuns = new int[16];
        int[] digitRunEnds = new int[16];
        int digitRunCount = 0;
        int[] ats = new int[4];
        int atCount = 0;
        int[] colons = new int[8];
        int colonCount = 0;
        boolean previousDigit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (digit && !previousDigit) {
                if (digitRunCount == digitRuns.length) {
                    digitRuns = Arrays.copyOf(digitRuns, digitRuns.length * 2);
                    digitRunEnds = Arrays.copyOf(digitRunEnds, digitRunEnds.length * 2);
                }
                digitRuns[digitRunCount++] = i;
            } else if (!digit && previousDigit) {
                digitRunEnds[digitRunCount - 1] = i;
            }
            if (digit) {
                previousDigit = true;
                continue;
            }
            if (c == '@') {
                if (atCount == ats.length) {
                    ats = Arrays.copyOf(ats, ats.length * 2);
                }
                ats[atCount++] = i;
            } else if (c == ':') {
                if (colonCount == colons.length) {
                    colons = Arrays.copyOf(colons, colons.length * 2);
                }
                colons[colonCount++] = i;
            }
            previousDigit = false;
        }
        if (previousDigit) {
            digitRunEnds[digitRunCount - 1] = text.length();
        }
        return new Anchors(digitRuns, digitRunEnds, digitRunCount, ats, atCount, colons, colonCount);
    }

    /** How many runs of digits the text has. */
    int digitRunCount() {
        return digitRunCount;
    }

    /** The index of the first digit of the {@code n}th run of digits. */
    int digitRun(int n) {
        return digitRuns[n];
    }

    /** How many digits the {@code n}th run of digits has. */
    int digitRunLength(int n) {
        return digitRunEnds[n] - digitRuns[n];
    }

    int atCount() {
        return atCount;
    }

    /** The index of the {@code n}th {@code @}. */
    int at(int n) {
        return ats[n];
    }

    int colonCount() {
        return colonCount;
    }

    /** The index of the {@code n}th {@code :}. */
    int colon(int n) {
        return colons[n];
    }
}
