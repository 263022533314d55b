package io.policygateway.plugins.piiredact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names, heuristically (off unless the {@code name} category is asked for): a capitalised
 * given name from a list of common names in many languages, with the capitalised surname that
 * follows it; or one to three capitalised words after a cue such as "my name is", "Dear", "Name:",
 * "Mr." or "patient". Titles are left out of the span. A lone given name at the start of a sentence
 * is skipped ("Mark the ticket as done"). Company names ("... Inc", "... GmbH") are not names.
 */
final class NameRecognizer implements Recognizer {
    private static final String WORD = "\\p{Lu}[\\p{Ll}]+(?:[-'’]\\p{Lu}?\\p{Ll}+)?";
    private static final Pattern WORD_PATTERN = Pattern.compile(WORD);
    private static final Pattern GIVEN_NAME = Pattern.compile("(?<![\\p{L}\\p{N}_@.])" + WORD + "(?![\\p{L}\\p{N}_@]|\\.[\\p{L}\\p{N}])");
    private static final Pattern SURNAME = Pattern.compile("[ \\t]+(" + WORD + ")(?![\\p{L}\\p{N}_@]|\\.[\\p{L}\\p{N}])");
    private static final Pattern CUED = Pattern.compile(
            "(?:\\b(?:my name is|i am|i'm|this is|je suis|je m'appelle|ich bin|ich heiße|me llamo|soy|mi chiamo"
                    + "|dear|hello|hi|hey|thanks|regards|cheers|patient|customer|tenant|applicant|employee|taxpayer"
                    + "|beneficiary|titulaire|auftraggeber|mr|mrs|ms|miss|dr|prof|herr|frau|mme|sr|sra)\\b\\.?\\s*[,]?"
                    + "|\\b(?:name|full[_ ]name|from|to|attn|contact|signed|attendee|bill to|ship to)\\s*[:=]\\s*)\\s*"
                    + "(" + WORD + "(?:[ \\t]+" + WORD + "){0,2})(?![\\p{L}\\p{N}_@])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The first words of the cues in {@link #CUED}, to know where trying it is worthwhile. */
    private static final List<String> CUE_WORDS = List.of("my", "i", "this", "je", "ich", "me", "soy", "mi", "dear", "hello",
            "hi", "hey", "thanks", "regards", "cheers", "patient", "customer", "tenant", "applicant", "employee",
            "taxpayer", "beneficiary", "titulaire", "auftraggeber", "mr", "mrs", "ms", "miss", "dr", "prof", "herr", "frau",
            "mme", "sr", "sra", "name", "full", "from", "to", "attn", "contact", "signed", "attendee", "bill", "ship");
    private static final Set<String> NOT_A_SURNAME = Set.of("street", "st", "avenue", "road", "lane", "drive",
            "boulevard", "inc", "ltd", "llc", "gmbh", "corp", "bank", "university", "the", "and", "or", "is", "from",
            "to", "at", "in", "on", "for", "with", "team", "support", "office", "group", "company", "please", "thanks");
    private static final Set<String> COMPANY_WORDS = Set.of("inc", "ltd", "llc", "gmbh", "corp", "corporation", "ag",
            "sa", "plc", "co", "bank", "university", "group", "labs", "technologies", "systems");
    private static final Set<String> NOT_A_NAME = Set.of("the", "this", "that", "these", "please", "thanks", "hello",
            "hi", "hey", "dear", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "street", "lane", "road", "avenue", "drive", "ssn", "iban", "email", "phone",
            "name", "user", "customer", "support", "team", "sales", "admin", "mail", "invoice", "order", "card",
            "visa", "mastercard", "amex", "discover", "subject", "from", "to", "re", "fwd", "note", "address",
            "apt", "unit", "suite", "flat", "bill", "ship", "patient", "reset", "call", "send", "add", "ring", "text",
            "dial", "reach", "translate", "summarize", "draft", "forwarding", "unsubscribe", "employee", "record",
            "new", "hire", "paperwork", "contact", "sheet", "emergency", "attendee", "list", "merge", "test",
            "refund", "background", "check", "form", "submission", "confirmé", "rappel", "lieferadresse");

    private final Set<String> givenNames;

    NameRecognizer() {
        this.givenNames = loadGivenNames();
    }

    @Override
    public PiiType type() {
        return PiiType.NAME;
    }

    /**
     * Looks only at word starts: capitalised words are checked against the given names, and the
     * cue pattern is tried only where a word that begins a cue stands; running either pattern over
     * every character of a prompt would cost hundreds of microseconds.
     */
    @Override
    public void find(String text, Anchors anchors, List<Candidate> out) {
        Matcher given = GIVEN_NAME.matcher(text).useTransparentBounds(true);
        Matcher surname = SURNAME.matcher(text).useTransparentBounds(true);
        Matcher cued = CUED.matcher(text).useTransparentBounds(true);
        int length = text.length();
        int position = 0;
        while (position < length) {
            char c = text.charAt(position);
            if (!Character.isLetter(c) || (position > 0 && isWordInside(text.charAt(position - 1)))) {
                position++;
                continue;
            }
            int wordEnd = position + 1;
            while (wordEnd < length && Character.isLetter(text.charAt(wordEnd))) {
                wordEnd++;
            }
            if (startsCue(text, position, wordEnd)) {
                cued.region(position, length);
                if (cued.lookingAt()) {
                    addCued(text, cued, out);
                }
            }
            if (Character.isUpperCase(c)) {
                given.region(position, length);
                if (given.lookingAt() && givenNames.contains(given.group().toLowerCase(Locale.ROOT))) {
                    addGivenName(text, given, surname, out);
                }
            }
            position = wordEnd;
        }
    }

    private static boolean isWordInside(char previous) {
        return Character.isLetterOrDigit(previous) || previous == '_' || previous == '@' || previous == '.';
    }

    private static boolean startsCue(String text, int start, int end) {
        int length = end - start;
        if (length > 12) {
            return false;
        }
        for (String cue : CUE_WORDS) {
            if (cue.length() == length && text.regionMatches(true, start, cue, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private void addGivenName(String text, Matcher given, Matcher surname, List<Candidate> out) {
        int end = given.end();
        surname.region(end, text.length());
        if (surname.lookingAt()) {
            String second = surname.group(1).toLowerCase(Locale.ROOT);
            if (COMPANY_WORDS.contains(second)) {
                return;
            }
            if (!NOT_A_SURNAME.contains(second) && !NOT_A_NAME.contains(second)) {
                end = surname.end();
            }
        }
        boolean alone = end == given.end();
        if ((alone && startsSentence(text, given.start())) || Context.wordAfter(text, end, 1, 3, COMPANY_WORDS)) {
            return;
        }
        out.add(new Candidate(PiiType.NAME, given.start(), end, alone ? 0.5 : 0.6));
    }

    private static void addCued(String text, Matcher cued, List<Candidate> out) {
        if (!Character.isUpperCase(text.charAt(cued.start(1)))) {
            return;
        }
        Matcher word = WORD_PATTERN.matcher(text).region(cued.start(1), cued.end(1));
        int end = -1;
        while (word.find()) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            if (NOT_A_NAME.contains(lower) || NOT_A_SURNAME.contains(lower) || COMPANY_WORDS.contains(lower)) {
                break;
            }
            end = word.end();
        }
        if (end > 0) {
            out.add(new Candidate(PiiType.NAME, cued.start(1), end, 0.55));
        }
    }

    private static boolean startsSentence(String text, int start) {
        int position = start - 1;
        while (position >= 0 && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
            position--;
        }
        if (position < 0) {
            return true;
        }
        char previous = text.charAt(position);
        return previous == '.' || previous == '!' || previous == '?' || previous == '\n' || previous == '"'
                || previous == '\'' || previous == '(';
    }

    private static Set<String> loadGivenNames() {
        Set<String> names = new HashSet<>();
        try (InputStream in = NameRecognizer.class.getResourceAsStream("first-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("first-names.txt is missing from the plugin JAR");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#")) {
                    for (String name : line.trim().split("\\s+")) {
                        if (!name.isEmpty()) {
                            names.add(name.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read first-names.txt", e);
        }
        return Set.copyOf(names);
    }
}
