package io.policygateway.plugins.toxicity.classifier;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores how toxic a text is: insulting, demeaning, harassing or threatening language aimed at a
 * person or group. The text is normalised (NFKC, lower case, masked profanity such as {@code f*ck}
 * and leetspeak insults such as {@code 1diot} restored) and matched against weighted
 * {@link ToxicityRules}. A match that is reported ("he called me an idiot"), asked about ("is it
 * rude to say 'you idiot'?") or quoted from someone else counts for little. The score is the
 * noisy-OR of the signal weights.
 *
 * <p>Built once; {@link #assess} is thread-safe.
 */
public final class ToxicityClassifier {
    private static final double REPORTED_FACTOR = 0.1;
    private static final Pattern MASKED = Pattern.compile(
            "f[*#@_.\\-]?[u*#@v][*#@_.\\-]?[c*#@k][*#@_.\\-]?k|f\\*{2,3}|sh[i1!*]t|b[i1!*]tch|a[s$*][s$*]hole|"
                    + "[i1!]d[i1!]ot|[i1!]d[i1!]0t|m[o0]r[o0]n|stup[i1!]d|l[o0]s[e3]r|r[e3]t[a4@]rd|d[u*]mb[a4@]ss|c[u*]nt");
    /** Words before a match that report someone else's words: "he called me", "she said", "was called". */
    private static final Pattern REPORTED = Pattern.compile(
            "(?:(?:call(?:s|ed|ing)?|nam(?:e|es|ed)|label(?:s|l?ed)|insult(?:s|ed)?|accus(?:e|es|ed)|brand(?:s|ed))\\s+"
                    + "(?:me|him|her|them|us|you|my \\w+|his \\w+|her \\w+|their \\w+|someone|people|everyone|each other)"
                    + "|(?:said|says|say|tell|tells|told|yell(?:s|ed)?|wrote|writes|text(?:s|ed)|messag(?:e|es|ed)|"
                    + "comment(?:s|ed)|scream(?:s|ed)|shout(?:s|ed)|post(?:s|ed)|repl(?:y|ied|ies)|sneer(?:s|ed)|"
                    + "snap(?:s|ped)|hiss(?:es|ed)|mutter(?:s|ed)|growl(?:s|ed)|whisper(?:s|ed)|keeps saying|kept saying)"
                    + "(?:\\s+(?:me|him|her|them|us|you|to me|to him|to her|to them|to us))?(?:\\s+that)?\\s*[,:]?\\s*[\"'“‘]?"
                    + "|(?:was|got|been|being|get)\\s+called)[^.!?\\n]{0,40}$");
    private static final Pattern DISCUSSED = Pattern.compile(
            "(?:is it (?:rude|offensive|ok|okay|mean|appropriate|acceptable|wrong|bad) to|what does|what do(?:es)? .{0,20}mean|"
                    + "the word|the words|the phrase|the term|the insult|words like|insults like|how (?:should|do|can|would) i "
                    + "(?:respond|reply|react|deal|handle)|why is|why are|is the word|translate|definition of|meaning of|"
                    + "synonyms? for|how do you spell|a character (?:says|called|yells)|in the (?:movie|book|song|lyrics|show)|"
                    + "the villain|the lyric)[^.!?\\n]{0,80}$");

    private final List<ToxicityRule> rules;
    private final Set<ToxicityCategory> categories;

    private ToxicityClassifier(List<ToxicityRule> rules, Set<ToxicityCategory> categories) {
        this.rules = List.copyOf(rules);
        this.categories = Set.copyOf(categories);
    }

    public static ToxicityClassifier standard() {
        return create(EnumSet.allOf(ToxicityCategory.class));
    }

    /** A classifier that reports only the given categories. */
    public static ToxicityClassifier create(Set<ToxicityCategory> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("at least one category is needed");
        }
        return new ToxicityClassifier(ToxicityRules.standard(), categories);
    }

    public ToxicityAssessment assess(String text) {
        requireNonNull(text, "text is null");
        if (text.isBlank()) {
            return ToxicityAssessment.clean();
        }
        String normalized = normalize(text);
        Set<String> words = words(normalized);
        Map<String, ToxicitySignal> strongest = new LinkedHashMap<>();
        for (ToxicityRule rule : rules) {
            if (!categories.contains(rule.category()) || !containsAny(words, rule.triggers())) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(normalized);
            double best = 0;
            while (matcher.find()) {
                best = Math.max(best, rule.weight() * contextFactor(normalized, matcher.start()));
                if (best >= rule.weight()) {
                    break;
                }
            }
            if (best > 0) {
                strongest.merge(rule.name(), new ToxicitySignal(rule.category(), rule.name(), best),
                        (a, b) -> a.weight() >= b.weight() ? a : b);
            }
        }
        if (strongest.isEmpty()) {
            return ToxicityAssessment.clean();
        }
        double clean = 1;
        for (ToxicitySignal signal : strongest.values()) {
            clean *= 1 - signal.weight();
        }
        List<ToxicitySignal> signals = new ArrayList<>(strongest.values());
        signals.sort(Comparator.comparingDouble(ToxicitySignal::weight).reversed());
        return new ToxicityAssessment(Math.round((1 - clean) * 1000) / 1000.0, signals);
    }

    /** 1, or less when the words at {@code start} are reported, asked about or quoted from someone else. */
    private static double contextFactor(String text, int start) {
        int sentenceStart = Math.max(0, Math.max(text.lastIndexOf('.', start - 1), Math.max(text.lastIndexOf('?', start - 1),
                Math.max(text.lastIndexOf('!', start - 1), text.lastIndexOf('\n', start - 1)))) + 1);
        String before = text.substring(Math.max(sentenceStart, start - 120), start);
        if (REPORTED.matcher(before).find() || DISCUSSED.matcher(before).find()) {
            return REPORTED_FACTOR;
        }
        return 1;
    }

    static String normalize(String text) {
        String folded = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        String lower = folded.toLowerCase(Locale.ROOT).replace('’', '\'');
        Matcher masked = MASKED.matcher(lower);
        if (!masked.find()) {
            return lower;
        }
        StringBuilder out = new StringBuilder();
        do {
            masked.appendReplacement(out, Matcher.quoteReplacement(unmask(masked.group())));
        } while (masked.find());
        masked.appendTail(out);
        return out.toString();
    }

    private static String unmask(String word) {
        if (word.startsWith("f") && word.length() <= 4 || word.matches("f.?.?.?k")) {
            return "fuck";
        }
        StringBuilder out = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            out.append(switch (c) {
                case '1', '!' -> 'i';
                case '0' -> 'o';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '$' -> 's';
                default -> c;
            });
        }
        String restored = out.toString();
        return restored.replace("*", restored.startsWith("sh") ? "i" : restored.startsWith("b") ? "i"
                : restored.startsWith("a") ? "s" : restored.startsWith("d") ? "u" : restored.startsWith("c") ? "u" : "");
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            words.add(text.substring(start, i));
        }
        return words;
    }

    private static boolean containsAny(Set<String> words, Set<String> triggers) {
        for (String trigger : triggers) {
            if (words.contains(trigger)) {
                return true;
            }
        }
        return false;
    }
}
