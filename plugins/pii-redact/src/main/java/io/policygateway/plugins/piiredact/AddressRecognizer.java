package io.policygateway.plugins.piiredact;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses, heuristically (off unless the {@code address} category is asked for): a house
 * number and a street with a street-type word (US/UK "Street", "Lane", "Ave", ...; French "rue",
 * "impasse", ...; German "...straße", "...weg", ...), with an optional unit and the city and
 * postcode that follow, across line breaks. A postcode, ZIP or city on its own is not an address.
 */
final class AddressRecognizer implements Recognizer {
    private static final String CAPITALISED = "\\p{Lu}[\\p{L}'’.\\-]*";
    private static final String STREET_TYPES = "Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Terrace|Way"
            + "|Court|Ct|Place|Pl|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Row|Walk|Gardens|Grove"
            + "|Mews|Trail|Path|Alley";
    private static final String UNIT = "(?:,?\\s+(?:Apt|Apartment|Unit|Suite|Ste|Flat|Floor|Fl|#)\\.?\\s*#?[\\w\\-]+)?";
    private static final String US_CITY_ZIP = CAPITALISED + "(?:\\s+" + CAPITALISED + "){0,2},?\\s+[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?";
    private static final String UK_CITY_POSTCODE = CAPITALISED + "(?:\\s+" + CAPITALISED + "){0,2},?\\s+[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}";
    private static final Pattern ENGLISH = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\d{1,5}[A-Za-z]?\\s+(?:" + CAPITALISED + "\\s+){1,3}(?:" + STREET_TYPES + ")\\b\\.?" + UNIT
                    + "(?:,?\\s+(?:" + US_CITY_ZIP + "|" + UK_CITY_POSTCODE + "))?");
    private static final Pattern FRENCH = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:rue|avenue|av\\.|boulevard|bd|impasse|allée|allee|chemin"
                    + "|place|quai|route|cours|square|passage)\\s+[\\p{L}'’ \\-]{2,40}?,\\s*\\d{5}\\s+\\p{Lu}[\\p{L}\\-]+"
                    + "(?:[ \\-]\\p{Lu}[\\p{L}\\-]+)*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> GERMAN_STREET_SUFFIXES = List.of("straße", "strasse", "str.", "weg", "gasse", "platz",
            "allee", "ring", "damm", "ufer", "chaussee");
    private static final Pattern GERMAN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\-]*(?:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee)"
                    + "\\s+\\d{1,4}\\s?[a-zA-Z]?(?:,\\s*|\\s+)\\d{5}\\s+\\p{Lu}[\\p{L}\\-]+");

    private static boolean hasGermanStreetSuffix(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (String suffix : GERMAN_STREET_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public PiiType type() {
        return PiiType.ADDRESS;
    }

    /**
     * Addresses are looked for only around runs of digits: English and French ones start with the
     * house number, German ones have it after the street name, within a few dozen characters.
     */
    @Override
    public void find(String text, Anchors anchors, List<Candidate> out) {
        Matcher english = ENGLISH.matcher(text).useTransparentBounds(true);
        Matcher french = FRENCH.matcher(text).useTransparentBounds(true);
        Matcher german = GERMAN.matcher(text).useTransparentBounds(true);
        int covered = 0;
        for (int n = 0; n < anchors.digitRunCount(); n++) {
            int start = anchors.digitRun(n);
            if (start < covered) {
                continue;
            }
            int end = Math.min(text.length(), start + 160);
            if (anchors.digitRunLength(n) <= 5) {
                for (Matcher matcher : new Matcher[] {english, french}) {
                    matcher.region(start, end);
                    if (matcher.lookingAt()) {
                        out.add(new Candidate(PiiType.ADDRESS, start, matcher.end(), 0.7));
                        covered = Math.max(covered, matcher.end());
                    }
                }
            }
            int streetEnd = start;
            while (streetEnd > covered && Character.isWhitespace(text.charAt(streetEnd - 1))) {
                streetEnd--;
            }
            int street = streetEnd;
            while (street > covered && (Character.isLetter(text.charAt(street - 1)) || text.charAt(street - 1) == '-'
                    || text.charAt(street - 1) == '.')) {
                street--;
            }
            if (street < streetEnd && streetEnd < start && hasGermanStreetSuffix(text.substring(street, streetEnd))) {
                german.region(street, end);
                if (german.lookingAt()) {
                    out.add(new Candidate(PiiType.ADDRESS, street, german.end(), 0.7));
                    covered = Math.max(covered, german.end());
                }
            }
        }
    }
}
