package io.policygateway.plugins.piiredact;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US Social Security numbers {@code AAA-GG-SSSS} in the ranges the SSA issues: area 001-899 except
 * 666, group not 00, serial not 0000. The dashed form stands on its own (unless introduced as a
 * part, order or serial number); the forms with spaces, dots or no separator need a word such as
 * "SSN", "social security" or "TIN" before them, since any nine digits would otherwise match.
 */
final class SsnRecognizer implements Recognizer {
    private static final Pattern SSN = Pattern.compile(
            "(?<![\\p{L}\\p{N}_\\-.])(\\d{3})([\\- .]?)(\\d{2})\\2(\\d{4})(?![\\p{L}\\p{N}_]|[\\-.]\\p{N})");
    private static final Set<String> SSN_WORDS = Set.of("ssn", "ssns", "social", "security", "tin", "itin", "ssa",
            "taxpayer", "sozialversicherungsnummer");
    private static final Set<String> NOT_AN_SSN = Set.of("part", "order", "serial", "invoice", "ticket", "case", "lot",
            "sku", "model", "isbn", "phone", "tel", "fax", "call", "batch", "tracking", "reference", "ref");

    @Override
    public PiiType type() {
        return PiiType.SSN;
    }

    @Override
    public void find(String text, Anchors anchors, List<Candidate> out) {
        Matcher matcher = SSN.matcher(text).useTransparentBounds(true);
        int covered = 0;
        for (int n = 0; n < anchors.digitRunCount(); n++) {
            int start = anchors.digitRun(n);
            int digits = anchors.digitRunLength(n);
            if (start < covered || (digits != 3 && digits != 9)) {
                continue;
            }
            matcher.region(start, Math.min(text.length(), start + 11));
            if (!matcher.lookingAt() || !validRange(matcher.group(1), matcher.group(3), matcher.group(4))) {
                continue;
            }
            boolean named = Context.wordBefore(text, matcher.start(), 6, 60, SSN_WORDS);
            boolean dashed = matcher.group(2).equals("-");
            if (named) {
                out.add(new Candidate(PiiType.SSN, matcher.start(), matcher.end(), 0.95));
                covered = matcher.end();
            } else if (dashed && !Context.wordBefore(text, matcher.start(), 3, 40, NOT_AN_SSN)) {
                out.add(new Candidate(PiiType.SSN, matcher.start(), matcher.end(), 0.8));
                covered = matcher.end();
            }
        }
    }

    /** Whether the parts are in the ranges the SSA assigns. */
    static boolean validRange(String area, String group, String serial) {
        int areaNumber = Integer.parseInt(area);
        return areaNumber != 0 && areaNumber != 666 && areaNumber < 900
                && !group.equals("00") && !serial.equals("0000");
    }
}
