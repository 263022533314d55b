package io.policygateway.plugins.topic.classifier;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds which topics a text asks for, gives or substantially discusses. Each topic has weighted
 * terms ({@link TopicLexicon}); the text's words are matched longest phrase first, so "heart
 * attack" counts for medical advice and not as an attack. A topic's score is the noisy-OR of its
 * matched terms, raised when the text asks for advice ("should I", "is it legal"), and lowered for
 * violence and weapons in video-game talk. Idioms ("this bug is killing me", "shoot me an email",
 * "bullet points") are removed first. Custom topics are lists of phrases, each decisive on its own.
 *
 * <p>Built once; {@link #assess} is thread-safe.
 */
public final class TopicClassifier {
    static final double DEFAULT_THRESHOLD = 0.5;
    private static final int LONGEST_PHRASE = 5;
    private static final double ADVICE_BOOST = 0.2;
    private static final double GAME_FACTOR = 0.3;
    private static final Pattern IDIOMS = Pattern.compile(
            "(?<![\\p{L}])(?:(?:is|are|was|it's|its|they're|you're|that's|this is|these are)\\s+(?:\\w+\\s+)?killing\\s+(?:me|it|us)"
                    + "|kill(?:ing|ed|s)?\\s+(?:it|time|the (?:process|job|task|server|app|lights|mood|engine|container|pod|tab)|"
                    + "two birds)|killer\\s+(?:app|feature|deal|workout|view|idea|track|combo|smile|instinct)|"
                    + "shoot\\s+(?:me|us|him|her|them)\\s+(?:an?\\s+|the\\s+)?(?:quick\\s+)?(?:email|e-mail|message|text|note|line|dm|msg|"
                    + "reply|invite)|shoot for|shot in the dark|give it a shot|give it a try|long shot|screenshots?|"
                    + "photo\\s*shoots?|flu shot|booster shot|bomb(?:ed)?\\s+(?:the|an|my|that)\\s+(?:exam|test|interview|audition|"
                    + "presentation)|bath bombs?|photo\\s*bomb(?:ed)?|f-bomb|blow(?:ing)? up (?:my|the) (?:phone|inbox)|"
                    + "break a leg|dead\\s*(?:line|lines|lock|locked|pan|weight|beat|tired|serious|end)|murder (?:a|the) "
                    + "(?:pizza|burger|sandwich|song)|fight(?:ing)? (?:off )?(?:a|the) (?:cold|flu|urge|fire|clock)|armed with|"
                    + "arms? (?:crossed|length)|jump(?:ed)? the gun|stick to (?:my|your|our) guns|big guns|top gun|smoking gun|"
                    + "bullet(?:ed)? (?:points?|lists?|journal)|magic bullet|silver bullet|bite the bullet|bulleted|"
                    + "trigger (?:a |the )?(?:build|deploy|deployment|event|workflow|pipeline|warning)|kill switch|"
                    + "attack (?:surface|vector)|ddos attacks?|brute[- ]force|shooting star|merge conflicts?|"
                    + "conflicts? of interest|scheduling conflicts?|star wars|price wars?|console wars?|flame wars?|"
                    + "tug of war|war room|war stor(?:y|ies)|browser wars|loose cannon|explosive growth|"
                    + "(?:bug|job|house|bargain|treasure|talent) hunt(?:ing)?|birthday party|dinner party|third[- ]party|"
                    + "party (?:games?|planning|favou?rs?)|battle royale|rap battle|uphill battle|pick your battles|"
                    + "beat (?:the|my|our) (?:deadline|record|traffic|heat|odds)|beat (?:it|them) (?:in|at)|"
                    + "crush(?:ed|ing)? (?:it|the (?:interview|exam|test|quarter|targets?))|"
                    + "rule of law|law of (?:large numbers|averages|physics|gravity|motion|thermodynamics)|"
                    + "(?:newton's|murphy's|moore's|ohm's|hooke's|parkinson's|conway's) law|"
                    + "(?:computer|machine|night|tunnel) vision|heart of the|by heart|broken heart|"
                    + "(?:state|memory|stack|string|sql|data) (?:machine|management|union|leak|overflow)|union (?:type|of)|"
                    + "red state|state of the art|status of|the great depression|economic depression|"
                    + "executed (?:the|a|my|this) (?:script|code|query|command|plan|order)|code execution|execution (?:time|plan|engine))"
                    + "(?![\\p{L}])");
    private static final Pattern ADVICE = Pattern.compile(
            "(?<![\\p{L}])(?:should i|should we|can i|could i|may i|do i need|do i have to|am i allowed|is it (?:safe|ok|okay|"
                    + "legal|wise|worth|a good idea|normal|bad|dangerous|better)|how much (?:\\w+ )?(?:should|can|do|does|will) i|"
                    + "what should i|what can i do|is now a good time|would you recommend|what (?:is|'s) the (?:best|max|maximum|"
                    + "minimum|right|recommended|safe|normal|usual)|what are my (?:rights|options)|how do i (?:get|treat|deal|"
                    + "handle|file|sue|invest|save|pay|apply)|how can i (?:get|treat|deal|invest|save|lower|reduce|avoid)|"
                    + "what happens if i|will i (?:get|have|lose|owe)|my (?:doctor|lawyer|accountant|landlord|employer))"
                    + "(?![\\p{L}])");
    private static final Pattern GAME = Pattern.compile(
            "(?<![\\p{L}])(?:video ?games?|games?|gaming|gamer|boss(?:es)? fights?|final boss|bosses|npcs?|quests?|playthrough|"
                    + "speedrun|multiplayer|pvp|minecraft|fortnite|zelda|skyrim|elden ring|hollow knight|valorant|overwatch|"
                    + "pubg|call of duty|dark souls|roblox|pokemon|pokémon|d&d|dnd|dungeons and dragons|warhammer|tabletop|"
                    + "level \\d+|in-game|in game|my character|the character|dlc|xbox|playstation|nintendo|steam deck|"
                    + "chess|board game|paintball|laser tag|airsoft|nerf)(?![\\p{L}])");
    /** "I'll punch him", "I'm going to hurt you": threats are talk of violence. */
    private static final Pattern THREAT = Pattern.compile(
            "(?<![\\p{L}])(?:i|we)(?:'ll| will|'m going to| am going to|'m gonna| am gonna| gonna| swear i'll| swear i will)\\s+"
                    + "(?:\\w+\\s+)?(?:punch|hit|smack|beat|hurt|kill|stab|shoot|slap|kick|strangle|choke|shut|break|smash|"
                    + "attack|beat up|knock out)\\s+(?:you|him|her|them|his|her|their|your|it for you)(?![\\p{L}])");
    private static final double THREAT_WEIGHT = 0.6;
    private static final Pattern REAL_WORLD = Pattern.compile(
            "(?<![\\p{L}])(?:real life|irl|in real life|the news|yesterday|last night|school|police|victims?|neighbou?rhood|"
                    + "my (?:town|city|street)|real world|actual)(?![\\p{L}])");

    /** A term's topic (built-in wire name or custom name), its weight, and whether it is an advice topic. */
    private record Weight(String topic, double weight, boolean advice, boolean game) {
    }

    private final Map<String, List<Weight>> phrases;
    private final double threshold;

    private TopicClassifier(Map<String, List<Weight>> phrases, double threshold) {
        this.phrases = Map.copyOf(phrases);
        this.threshold = threshold;
    }

    /** The built-in topics at the default threshold. */
    public static TopicClassifier standard() {
        return create(Map.of(), DEFAULT_THRESHOLD);
    }

    /**
     * The built-in topics plus custom ones.
     *
     * @param customTopics topic name to the phrases that mark it; any one phrase is enough
     * @param threshold the score at which a topic counts as present
     */
    public static TopicClassifier create(Map<String, List<String>> customTopics, double threshold) {
        Map<String, List<Weight>> phrases = new HashMap<>();
        for (TopicLexicon.Term term : TopicLexicon.standard()) {
            boolean game = term.topic() == Topic.VIOLENCE || term.topic() == Topic.WEAPONS;
            phrases.computeIfAbsent(key(term.phrase()), ignored -> new ArrayList<>())
                    .add(new Weight(term.topic().wireName(), term.weight(), term.topic().isAdvice(), game));
        }
        customTopics.forEach((name, list) -> list.forEach(phrase -> phrases.computeIfAbsent(key(phrase), ignored -> new ArrayList<>())
                .add(new Weight(name, 1.0, false, false))));
        Map<String, List<Weight>> frozen = new HashMap<>();
        phrases.forEach((phrase, weights) -> frozen.put(phrase, List.copyOf(weights)));
        return new TopicClassifier(frozen, threshold);
    }

    public TopicAssessment assess(String text) {
        requireNonNull(text, "text is null");
        String normalized = normalize(text);
        String cleaned = IDIOMS.matcher(normalized).replaceAll(" ");
        List<String> words = words(cleaned);
        Map<String, Double> benign = new LinkedHashMap<>();
        Map<String, Boolean> advice = new HashMap<>();
        Map<String, Boolean> game = new HashMap<>();
        Map<String, Double> strongest = new HashMap<>();
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int length = Math.min(LONGEST_PHRASE, words.size() - i); length >= 1 && matched == 0; length--) {
                List<Weight> weights = phrases.get(String.join(" ", words.subList(i, i + length)));
                if (weights == null && length == 1 && words.get(i).length() > 3 && words.get(i).endsWith("s")) {
                    weights = phrases.get(words.get(i).substring(0, words.get(i).length() - 1));
                }
                if (weights != null) {
                    for (Weight weight : weights) {
                        String termKey = weight.topic() + "|" + String.join(" ", words.subList(i, i + length));
                        if (strongest.getOrDefault(termKey, 0.0) < weight.weight()) {
                            strongest.put(termKey, weight.weight());
                            benign.merge(weight.topic(), 1 - weight.weight(), (a, b) -> a * b);
                            advice.put(weight.topic(), weight.advice());
                            game.put(weight.topic(), weight.game());
                        }
                    }
                    matched = length;
                }
            }
            i += Math.max(1, matched);
        }
        if (THREAT.matcher(cleaned).find()) {
            benign.merge(Topic.VIOLENCE.wireName(), 1 - THREAT_WEIGHT, (a, b) -> a * b);
            advice.put(Topic.VIOLENCE.wireName(), false);
            game.put(Topic.VIOLENCE.wireName(), true);
        }
        boolean asksAdvice = ADVICE.matcher(normalized).find();
        boolean gameTalk = GAME.matcher(normalized).find() && !REAL_WORLD.matcher(normalized).find();
        Map<String, Double> scores = new LinkedHashMap<>();
        benign.forEach((topic, remaining) -> {
            double score = 1 - remaining;
            if (asksAdvice && advice.get(topic) && score >= TopicLexicon.MEDIUM) {
                score = Math.min(1, score + ADVICE_BOOST);
            }
            if (gameTalk && game.get(topic)) {
                score *= GAME_FACTOR;
            }
            scores.put(topic, Math.round(score * 1000) / 1000.0);
        });
        return new TopicAssessment(scores, threshold);
    }

    static String normalize(String text) {
        String folded = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        return folded.toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    /** A phrase's lookup key: its words joined by single spaces. */
    private static String key(String phrase) {
        return String.join(" ", words(normalize(phrase)));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i))
                    || (text.charAt(i) == '\'' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))))) {
                i++;
            }
            words.add(text.substring(start, i));
        }
        return words;
    }
}
