package io.policygateway.plugins.toxicity.classifier;

import static io.policygateway.plugins.toxicity.classifier.ToxicityLexicon.GROUPS;
import static io.policygateway.plugins.toxicity.classifier.ToxicityLexicon.GROUP_DEROGATORY;
import static io.policygateway.plugins.toxicity.classifier.ToxicityLexicon.INTENSIFIERS;
import static io.policygateway.plugins.toxicity.classifier.ToxicityLexicon.PEOPLE;
import static io.policygateway.plugins.toxicity.classifier.ToxicityLexicon.PERSON_INSULTS;
import static io.policygateway.plugins.toxicity.classifier.ToxicityLexicon.PERSON_INSULT_ADJECTIVES;
import static io.policygateway.plugins.toxicity.classifier.ToxicityLexicon.PERSON_ONLY_WHEN_TARGETED;
import static io.policygateway.plugins.toxicity.classifier.ToxicityLexicon.SLURS;
import static io.policygateway.plugins.toxicity.classifier.ToxicityLexicon.alternation;
import static io.policygateway.plugins.toxicity.classifier.ToxicityLexicon.join;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The toxicity rules: each a regular expression over normalised lower-case text with a weight and
 * a category. Insults count only when aimed at someone (you, a named relation, a group); criticism
 * of things and ideas, mild profanity and idioms ("this bug is killing me") do not match.
 */
final class ToxicityRules {
    private static final String B = "(?<![\\p{L}\\p{N}])";
    private static final String E = "(?![\\p{L}\\p{N}])";
    /** Insult nouns that also describe things ("the project is a failure", "a dummy variable"). */
    private static final List<String> NOT_ABOUT_PEOPLE = List.of("trash", "garbage", "failure", "disgrace",
            "embarrassment", "nobody", "nonentity", "scum", "vermin", "troll", "dummy", "baby", "hack", "hacks", "fraud",
            "frauds", "bum");
    /** Plural insults for "doctors are overpaid idiots": words that only name people, or people as pests. */
    private static final List<String> PLURAL_INSULTS = List.of("idiots", "morons", "imbeciles", "cretins", "dumbasses",
            "jackasses", "assholes", "arseholes", "bastards", "bitches", "jerks", "losers", "scumbags", "retards",
            "dimwits", "halfwits", "nitwits", "creeps", "freaks", "degenerates", "douchebags", "pricks", "dickheads",
            "twats", "cunts", "whores", "sluts", "wankers", "buffoons", "lowlifes", "dirtbags", "fools", "clowns",
            "cowards", "hypocrites", "parasites", "leeches", "crooks", "quacks", "snowflakes", "crybabies", "nutjobs",
            "nutcases", "charlatans", "frauds", "sheep", "vermin", "scum", "pigs", "rats", "snakes", "cockroaches",
            "animals", "savages", "trash", "garbage", "thieves", "criminals", "liars");
    /** Words after an insult noun that make it a thing's name instead ("clown show", "dummy data"). */
    private static final String NOT_A_PERSON_AFTER = "(?!\\s+(?:show|car|world|town|fiesta|costume|makeup|college|school|nose|"
            + "shoes?|suit|data|variable|text|load|run|mode|account|file|value|code|test|fire|bin|can|truck|day|night|"
            + "collection|pickup|disposal|man|men|compactor|talk|panda))";

    private ToxicityRules() {
    }

    static List<ToxicityRule> standard() {
        String insultNoun = alternation(PERSON_INSULTS);
        String targetedNoun = alternation(join(PERSON_INSULTS, PERSON_ONLY_WHEN_TARGETED));
        String insultAdjective = alternation(PERSON_INSULT_ADJECTIVES);
        String intensifiers = "(?:\\s+" + alternation(INTENSIFIERS) + "){0,3}";
        String fillers = "(?:\\s+(?:such|so|a|an|the|just|really|truly|nothing but|one|the biggest|the dumbest|the worst|"
                + "absolutely|totally|completely|utterly|literally|basically|honestly|always|being|such an?|a real|"
                + "the most|one big|one giant|officially|clearly|obviously|definitely|seriously|still|a bunch of|a pack of|"
                + "a herd of|a gang of|a band of|all|nothing more than|no better than|worse than)){0,3}";
        String people = alternation(PEOPLE);
        List<String> anySubjectNouns = PERSON_INSULTS.stream().filter(noun -> !NOT_ABOUT_PEOPLE.contains(noun)).toList();
        List<ToxicityRule> rules = new ArrayList<>();

        rules.add(rule(ToxicityCategory.INSULT, "second_person_insult", 0.8,
                B + "(?:you|u|ya|yu)(?:\\s*(?:are|r|'re|’re|were|was|look|looks|sound|seem|act|are acting|'re acting|"
                        + "are being|'re being|really are|truly are|must be|gotta be|have to be|can be|always are)"
                        + "(?:\\s+like)?)?" + fillers + intensifiers + "\\s+(?:" + insultAdjective + E + "|" + targetedNoun + E
                        // "you clown around", "you fool me": the noun is a verb
                        + "(?!\\s+(?:around|about|with|me|us|them|him|her|the|a|an|it|this|that|into|on|off|up|down|my|his|"
                        + "their|our|everyone|people)" + E + "))",
                join(PERSON_INSULTS, join(PERSON_ONLY_WHEN_TARGETED, PERSON_INSULT_ADJECTIVES))));
        rules.add(rule(ToxicityCategory.INSULT, "are_you_insult", 0.6,
                B + "(?:are|r)\\s+(?:you|u)(?:\\s+(?:just|really|seriously|actually|fucking|that|this|so|an?))*\\s+(?:"
                        + insultNoun + "|stupid|dumb|retarded|blind|deaf|brain\\s*dead|braindead|illiterate|dense)" + E,
                join(PERSON_INSULTS, List.of("stupid", "dumb", "retarded", "blind", "deaf", "braindead", "brain",
                        "illiterate", "dense"))));
        rules.add(rule(ToxicityCategory.INSULT, "vocative_insult", 0.7,
                "(?:^|[.!?;:,\\n\"“(]\\s*|" + B + "(?:hey|hi|hello|listen|look|ok|okay|oi|yo|shut up|thanks|thank you|"
                        + "nice try|well|no|yes|yeah|sorry|dear)\\s*,?\\s*)(?:you\\s+)?(?:" + alternation(INTENSIFIERS)
                        + "\\s+){0,2}" + insultNoun + "(?=\\s*[,.!?;:)\\n]|\\s+(?:you|your|who|why|how|what|stop|shut|get|learn|"
                        + "go|listen|read|do|don't|can't|did|quit|try|fix|just)" + E + ")",
                PERSON_INSULTS));
        rules.add(rule(ToxicityCategory.INSULT, "third_person_insult", 0.7,
                B + people + "\\s+(?:is|was|are|were|'s|’s|seems|looks|acts|has always been|is being|'re|’re)" + fillers
                        + intensifiers + "\\s+(?:" + targetedNoun + "|" + insultAdjective + ")" + E,
                join(PERSON_INSULTS, join(PERSON_ONLY_WHEN_TARGETED, PERSON_INSULT_ADJECTIVES))));
        rules.add(rule(ToxicityCategory.INSULT, "someone_is_an_insult", 0.65,
                B + "[\\p{L}]{2,20}\\s+(?:is|was|'s|’s)\\s+(?:such\\s+|just\\s+|really\\s+|nothing but\\s+)?(?:a|an)(?:\\s+"
                        + alternation(INTENSIFIERS) + "){0,2}\\s+" + alternation(anySubjectNouns) + E + NOT_A_PERSON_AFTER,
                anySubjectNouns));
        // "anyone who votes for them is a brainless sheep", "whoever wrote this is clueless"
        rules.add(rule(ToxicityCategory.INSULT, "whoever_is_an_insult", 0.7,
                B + "(?:anyone|anybody|everyone|everybody|whoever|someone|somebody|people|those|any person|every person)"
                        + "(?:\\s+(?:who|that|which))?[^.!?;\\n]{0,60}?\\s+(?:is|are|was|were|must be|has to be)" + fillers
                        + intensifiers + "\\s+(?:" + targetedNoun + "|" + insultAdjective + ")" + E + NOT_A_PERSON_AFTER,
                List.of("anyone", "anybody", "everyone", "everybody", "whoever", "someone", "somebody", "people", "those",
                        "any", "every")));
        // "doctors are overpaid idiots", "politicians are all lying scumbags"
        rules.add(rule(ToxicityCategory.INSULT, "plural_people_insult", 0.7,
                B + "[\\p{L}]{2,20}(?:s|men|people|folks|bros|kids|staff|police|crew|team|lot)\\s+(?:are|were|r)" + fillers
                        + intensifiers + "\\s+" + alternation(PLURAL_INSULTS) + E + NOT_A_PERSON_AFTER, PLURAL_INSULTS));
        // "the dumbest people on the planet", "the ugliest person alive"
        rules.add(rule(ToxicityCategory.INSULT, "superlative_insult", 0.65,
                B + "(?:are|is|'re|'s|were|was)\\s+(?:the|such)\\s+(?:dumbest|stupidest|worst|most pathetic|ugliest|"
                        + "laziest|most useless|most worthless|most incompetent|most annoying|most disgusting|biggest idiots?|"
                        + "biggest losers?|biggest morons?)\\s+(?:people|person|humans?|creatures?|beings?|group|bunch|"
                        + "individuals?|idiots?|losers?|morons?|men|women|guys?)" + E,
                List.of("dumbest", "stupidest", "worst", "most", "ugliest", "laziest", "biggest")));
        // "only idiots think ...", "only a moron would ..."
        rules.add(rule(ToxicityCategory.INSULT, "only_idiots", 0.6,
                B + "only\\s+(?:an?\\s+)?(?:" + alternation(INTENSIFIERS) + "\\s+)?(?:" + alternation(PERSON_INSULTS) + ")\\s+"
                        + "(?:think|thinks|believe|believes|would|do|does|use|uses|buy|buys|vote|votes|say|says|like|likes|"
                        + "need|needs|want|wants|fall|falls|trust|trusts|care|cares|watch|watches|read|reads)" + E,
                List.of("only")));
        // "stop being such a whiny baby", "don't be an idiot"
        rules.add(rule(ToxicityCategory.INSULT, "stop_being_an_insult", 0.65,
                B + "(?:stop|quit)\\s+(?:being|acting like|behaving like)" + fillers + intensifiers + "\\s+(?:" + targetedNoun
                        + "|" + insultAdjective + ")" + E, List.of("stop", "quit")));
        // "your writing is garbage and so are you"
        rules.add(rule(ToxicityCategory.INSULT, "and_so_are_you", 0.75,
                B + "(?:" + targetedNoun + "|" + insultAdjective + "|garbage|trash|crap|shit|rubbish|junk)[,]?\\s+"
                        + "(?:and|just)\\s+(?:so\\s+(?:are|r)\\s+you|like\\s+you|so\\s+is\\s+your\\s+\\w+)" + E,
                List.of("and", "just")));
        // "what a moronic question" said to someone
        rules.add(rule(ToxicityCategory.INSULT, "contempt_for_their_words", 0.55,
                B + "(?:what|such)\\s+(?:a|an)\\s+(?:" + alternation(INTENSIFIERS) + "\\s+)?(?:moronic|idiotic|stupid|dumb|"
                        + "braindead|brain-dead|retarded|pathetic|imbecilic|asinine|cretinous)\\s+(?:question|comment|reply|"
                        + "answer|take|post|thing to say|response|remark|opinion|message)" + E
                        + "(?=[\\s\\S]{0,120}(?<![\\p{L}])(?:you|your|u)(?![\\p{L}]))",
                List.of("what", "such")));
        rules.add(rule(ToxicityCategory.INSULT, "what_an_insult", 0.6,
                B + "what\\s+(?:a|an)(?:\\s+" + alternation(INTENSIFIERS) + "){0,2}\\s+" + insultNoun + E,
                PERSON_INSULTS));

        rules.add(rule(ToxicityCategory.IDENTITY_ATTACK, "group_attack", 0.8,
                B + "(?:all\\s+|most\\s+|these\\s+|those\\s+|the\\s+|damn\\s+|fucking\\s+|bloody\\s+)?" + alternation(GROUPS)
                        + "\\s+(?:are|r|is)(?:\\s+(?:all|just|nothing but|so|such|basically|literally|a bunch of|like|"
                        + "no better than|worse than|always|born|naturally|genetically)){0,3}\\s+" + alternation(GROUP_DEROGATORY)
                        + E, GROUPS));
        rules.add(rule(ToxicityCategory.IDENTITY_ATTACK, "group_should_suffer", 0.85,
                B + "(?:all\\s+)?" + alternation(GROUPS) + "\\s+(?:should|must|need to|deserve to|ought to|have to)"
                        + "(?:\\s+(?:all|just|be))*\\s+(?:die|be killed|be shot|be gassed|be exterminated|be wiped out|"
                        + "be deported|go back|get out|be locked up|be banned|burn|suffer|disappear|be thrown out|be removed|"
                        + "be sterilized|be eliminated|be punished|be beaten|not exist|not be allowed|be ashamed)" + E
                        + "|" + B + "(?:all\\s+)?" + alternation(GROUPS) + "\\s+(?:shouldn't|should not|don't deserve to|do not deserve to|"
                        + "mustn't|must not)\\s+(?:be allowed|exist|live|breed|vote|have rights|be here|be on|speak|work)" + E,
                GROUPS));
        rules.add(rule(ToxicityCategory.IDENTITY_ATTACK, "slur", 0.9, B + alternation(SLURS) + E, SLURS));
        rules.add(rule(ToxicityCategory.IDENTITY_ATTACK, "dehumanising", 0.6,
                B + "(?:those|these|such|filthy|dirty|disgusting)\\s+(?:animals|vermin|cockroaches|parasites|savages|"
                        + "subhumans|rats|pigs|leeches|degenerates)" + E,
                List.of("animals", "vermin", "cockroaches", "parasites", "savages", "subhumans", "rats", "pigs", "leeches",
                        "degenerates")));

        rules.add(rule(ToxicityCategory.THREAT, "threat_of_violence", 0.85,
                B + "(?:i|we|i'm|im|i’m|we're|imma|ima)\\s*(?:'ll|’ll|will|am going to|'m going to|’m going to|going to|am gonna|"
                        + "'m gonna|gonna|are going to|are gonna|shall|swear i'll|swear i will|swear to god i'll|will fucking|"
                        + "'ll fucking|would love to|want to|wanna)?\\s+(?:fucking\\s+)?(?:kill|murder|hurt|beat|destroy|"
                        + "punch|stab|shoot|strangle|choke|smash|slap|wreck|break|bash|cut|burn|end|find|hunt|rape|"
                        + "drown|bury|kick|knock|gut|smack|whack|deck|sock|clock|pound|slug|thump|hit|belt|throttle|wallop|"
                        + "knock out|beat up|beat the shit out of|shut)(?:\\s+(?:the|every|all))?\\s+(?:you|u|ya|your|yours|him|her|them|"
                        + "y'all|his|their)" + E,
                List.of("kill", "murder", "hurt", "beat", "destroy", "punch", "stab", "shoot", "strangle", "choke", "smash",
                        "slap", "wreck", "break", "bash", "cut", "burn", "end", "find", "hunt", "rape", "drown", "bury",
                        "kick", "knock", "gut", "smack", "whack", "deck", "sock", "clock", "pound", "slug", "thump", "hit",
                        "belt", "throttle", "wallop", "shut")));
        rules.add(rule(ToxicityCategory.THREAT, "menacing", 0.75,
                B + "(?:i know where you live|watch your back|you(?:'ll| will) regret (?:this|it|that)|you(?:'re| are) "
                        + "(?:dead|so dead|going to die|gonna die|finished|next)|sleep with one eye open|you(?:'ll| will) pay "
                        + "for (?:this|that|it)|i(?:'ll| will) make you (?:pay|suffer|regret)|i(?:'ll| will) come for you|"
                        + "you won't see it coming|count your days|your days are numbered|i(?:'ll| will) end you)" + E,
                List.of("know", "watch", "regret", "dead", "die", "finished", "next", "sleep", "pay", "suffer", "come", "see",
                        "count", "numbered", "end")));
        rules.add(rule(ToxicityCategory.THREAT, "wish_of_harm", 0.8,
                B + "(?:i\\s+)?(?:hope|wish|pray)\\s+(?:that\\s+)?(?:you|u|he|she|they|your \\w+)\\s+(?:\\w+\\s+){0,2}?(?:die|dies|"
                        + "get cancer|gets cancer|rot|rots|burn|burns|suffer|suffers|get hit by|gets hit by|get killed|"
                        + "gets killed|choke|chokes|drown|drowns|get raped|go to hell)" + E
                        + "|" + B + "(?:you|he|she|they)\\s+(?:deserve|deserves)\\s+to\\s+(?:die|suffer|be shot|be killed|rot|burn)"
                        + E + "|" + B + "(?:die|rot|burn)\\s+in\\s+hell" + E,
                List.of("hope", "wish", "pray", "deserve", "deserves", "die", "rot", "burn")));

        rules.add(rule(ToxicityCategory.HARASSMENT, "self_harm_directive", 0.95,
                B + "(?:go\\s+)?(?:kill|hang|shoot|off)\\s+yourself" + E + "|" + B + "kys" + E + "|" + B
                        + "(?:go\\s+)?(?:jump|throw yourself)\\s+(?:off|in front of)\\s+(?:a|the)\\s+(?:bridge|building|cliff|"
                        + "train|bus|roof)" + E + "|" + B + "(?:drink|eat)\\s+(?:bleach|poison)" + E
                        + "|world would be (?:a )?better (?:place )?without you",
                List.of("kill", "hang", "shoot", "off", "kys", "jump", "throw", "drink", "eat", "world")));
        rules.add(rule(ToxicityCategory.HARASSMENT, "profanity_at_person", 0.75,
                B + "(?:fuck|screw|damn|f)\\s+(?:you|u|off|yourself|ya|him|her|them)" + E + "|" + B
                        + "(?:piss|bugger|sod|fuck)\\s+off" + E + "|" + B + "go\\s+to\\s+hell" + E + "|" + B
                        + "eat\\s+(?:shit|a dick)" + E + "|" + B + "(?:stfu|gtfo)" + E + "|" + B
                        + "shut\\s+(?:the\\s+(?:fuck|hell)\\s+)?up" + E + "|" + B + "up\\s+yours" + E,
                List.of("fuck", "screw", "damn", "f", "piss", "bugger", "sod", "go", "eat", "stfu", "gtfo", "shut", "up")));
        rules.add(rule(ToxicityCategory.HARASSMENT, "rejection", 0.7,
                B + "(?:nobody|no one|noone|no-one)\\s+(?:here\\s+|at \\w+\\s+|in \\w+\\s+)?(?:likes|loves|cares about|wants|"
                        + "needs|can stand|asked for|respects|gives a (?:shit|damn|fuck) about)\\s+(?:you|u|your)" + E
                        + "|" + B + "you(?:'re| are)\\s+(?:a\\s+)?(?:waste of (?:space|oxygen|air|skin|time)|nothing|a nobody|"
                        + "unwanted|unlovable|a mistake|a burden|pathetic|worthless|a failure|a disgrace|an embarrassment|"
                        + "a joke)" + E + "|" + B + "you\\s+(?:suck|make me sick|disgust me|are disgusting)" + E,
                List.of("nobody", "no", "noone", "you", "waste", "suck", "sick", "disgust")));
        rules.add(rule(ToxicityCategory.HARASSMENT, "shut_your_mouth", 0.7,
                B + "shut\\s+(?:your|ur|that)\\s+(?:fucking\\s+|damn\\s+|stupid\\s+|big\\s+|fat\\s+)?(?:mouth|trap|face|"
                        + "pie\\s*hole|yap|gob|hole)" + E, List.of("shut")));
        rules.add(rule(ToxicityCategory.HARASSMENT, "shaming", 0.6,
                B + "(?:must|should)\\s+be\\s+(?:so\\s+|very\\s+|really\\s+)?(?:ashamed|embarrassed|disappointed|"
                        + "disgusted)\\s+(?:of|in|by|with)\\s+(?:you|yourself|u)" + E
                        + "|" + B + "you\\s+should\\s+be\\s+ashamed(?:\\s+of\\s+yourself)?" + E,
                List.of("must", "should")));
        rules.add(rule(ToxicityCategory.HARASSMENT, "go_back_where", 0.7,
                B + "go\\s+back\\s+to\\s+(?:your|where you|the)\\s+(?:own\\s+)?(?:country|countries|came from|jungle|"
                        + "hole|cave|kitchen)" + E, List.of("go")));
        rules.add(rule(ToxicityCategory.SEXUAL_HARASSMENT, "sexual_demand", 0.7,
                B + "(?:send|show)\\s+(?:me\\s+)?(?:your\\s+)?(?:nudes|tits|boobs|dick pics?|pussy|naked pics?|ass)" + E
                        + "|" + B + "(?:i(?:'d| would| want to| wanna))\\s+(?:fuck|bang|rape|grope)\\s+(?:you|her|him)" + E,
                List.of("send", "show", "i", "i'd", "wanna")));
        rules.addAll(otherLanguages());
        return List.copyOf(rules);
    }

    /** Second-person insults in Spanish, French, German, Italian and Portuguese. */
    private static List<ToxicityRule> otherLanguages() {
        List<ToxicityRule> rules = new ArrayList<>();
        rules.add(rule(ToxicityCategory.INSULT, "es_second_person_insult", 0.75,
                B + "(?:eres|sos|es usted)\\s+(?:un|una|el|la|muy|tan)?\\s*(?:idiota|estúpido|estúpida|estupido|estupida|"
                        + "imbécil|imbecil|pendejo|pendeja|tonto|tonta|gilipollas|inútil|inutil|basura|cabrón|cabron|"
                        + "mierda|payaso|perdedor|asqueroso|asquerosa)" + E,
                List.of("eres", "sos", "es")));
        rules.add(rule(ToxicityCategory.INSULT, "fr_second_person_insult", 0.75,
                B + "(?:t'es|t’es|tu es|vous êtes|vous etes|espèce de|espece de|sale)\\s+(?:un|une|vraiment|tellement|trop)?\\s*"
                        + "(?:con|conne|connard|connasse|idiot|idiote|crétin|crétine|cretin|imbécile|imbecile|abruti|abrutie|"
                        + "débile|debile|nul|nulle|salaud|salope|ordure|merde|minable|raté|ratée)" + E,
                List.of("t", "tu", "vous", "espèce", "espece", "sale")));
        rules.add(rule(ToxicityCategory.INSULT, "de_second_person_insult", 0.75,
                B + "(?:du bist|sie sind|du)\\s+(?:ein|eine|so|total|echt|voll)?\\s*(?:ein|eine)?\\s*(?:idiot|vollidiot|"
                        + "arschloch|depp|trottel|versager|dummkopf|blödmann|bloedmann|wichser|schwachkopf|dumm|blöd|"
                        + "bloed|hässlich|haesslich|nutzlos)" + E,
                List.of("du", "sie")));
        rules.add(rule(ToxicityCategory.INSULT, "it_second_person_insult", 0.75,
                B + "(?:sei|lei è)\\s+(?:un|una|proprio|davvero|così)?\\s*(?:un|una)?\\s*(?:idiota|stronzo|stronza|cretino|"
                        + "cretina|imbecille|coglione|scemo|scema|deficiente|inutile|schifoso|schifosa)" + E,
                List.of("sei", "lei")));
        rules.add(rule(ToxicityCategory.INSULT, "pt_second_person_insult", 0.75,
                B + "(?:você é|voce é|vc é|vc e|tu és|tu es)\\s+(?:um|uma|muito|tão|tao)?\\s*(?:idiota|burro|burra|imbecil|"
                        + "otário|otaria|otário|babaca|inútil|inutil|lixo|nojento|nojenta|retardado|retardada)" + E,
                List.of("você", "voce", "vc", "tu")));
        return rules;
    }

    private static ToxicityRule rule(ToxicityCategory category, String name, double weight, String regex,
            List<String> triggers) {
        Set<String> words = new java.util.HashSet<>();
        for (String trigger : triggers) {
            words.add(trigger.split("[^\\p{L}\\p{N}]+")[0]);
        }
        return new ToxicityRule(category, name, weight, java.util.regex.Pattern.compile(regex), Set.copyOf(words));
    }
}
