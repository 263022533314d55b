package io.policygateway.plugins.promptshield.classifier;

import static io.policygateway.plugins.promptshield.classifier.EnglishLexicon.MODEL_NAMES;
import static io.policygateway.plugins.promptshield.classifier.EnglishLexicon.RESTRICTION_NOUNS;
import static io.policygateway.plugins.promptshield.classifier.EnglishLexicon.SECOND_PERSON;
import static io.policygateway.plugins.promptshield.classifier.SignalFamily.ROLEPLAY_JAILBREAK;

import java.util.List;

/** English rules for role-play jailbreaks: personas, modes, constraint removal, refusal suppression. */
final class EnglishJailbreakRules {
    private EnglishJailbreakRules() {
    }

    /** Adjectives a jailbreak persona is given (not "evil" or "rogue": those are ordinary fiction). */
    static final List<String> UNBOUND_STATES = List.of(
            "jailbroken", "jailbreak", "jailbreaked", "unfiltered", "uncensored", "unrestricted", "unlimited",
            "unshackled", "unchained", "unbound", "unbounded", "amoral", "unaligned", "lawless", "limitless",
            "filterless", "rule-free", "rulefree", "no-limits", "no-rules", "unleashed", "unmoderated", "uncapped",
            "unhinged", "norm-free", "boundless", "unconstrained", "unregulated", "anything-goes", "restriction-free",
            "filter-free", "censorship-free", "guardrail-free");

    private static final List<String> ADDRESSING = List.of(
            "you are", "you're", "youre", "you will be", "you'll be", "you are now", "you're now", "act as",
            "acting as", "act like", "pretend to be", "pretend you are", "pretend you're", "pretend that you are",
            "roleplay as", "role-play as", "role play as", "play the role of", "play the part of", "become",
            "respond as", "answer as", "reply as", "behave as", "behave like", "simulate", "emulate", "as",
            "transform into", "turn into", "switch to", "speak as", "talk as", "write as", "imagine you are",
            "imagine you're", "imagine yourself as");

    static void register(RuleCatalog c) {
        personas(c);
        constraintRemoval(c);
        refusalSuppression(c);
    }

    private static void personas(RuleCatalog c) {
        c.signal(ROLEPLAY_JAILBREAK, "do_anything_now", 0.85, c.phrase()
                .words("do anything now", "doing anything now", "can do anything now"));
        // "you are now an unfiltered AI", "act as an uncensored assistant"
        c.signal(ROLEPLAY_JAILBREAK, "unbound_persona", 0.7, c.phrase()
                .words(ADDRESSING).modifiers(List.of("now", "a", "an", "the", "my", "fully", "completely", "totally",
                        "entirely", "truly", "100%", "version", "of", "yourself", "new", "free", "and"), 3)
                .words(UNBOUND_STATES)
                .optional(EnglishLexicon.join(MODEL_NAMES, List.of("version", "mode", "persona", "character",
                        "alter ego", "self", "twin", "clone", "entity", "being", "intelligence")))
                .raw("(?![\\p{L}\\p{N}\\p{M}]|\\s+(?:as|than|enough)\\b)"));
        // "unfiltered AI", "uncensored mode", "jailbroken assistant"
        c.signal(ROLEPLAY_JAILBREAK, "unbound_model", 0.5, c.phrase()
                .words(UNBOUND_STATES)
                .words(EnglishLexicon.join(MODEL_NAMES, List.of("mode", "persona", "alter ego", "version of you",
                        "version of yourself", "response", "responses", "answer", "answers", "output", "reply",
                        "replies", "personality", "self", "side"))));
        // "DAN mode", "jailbreak mode activated"
        c.signal(ROLEPLAY_JAILBREAK, "jailbreak_mode", 0.6, c.phrase()
                .words("dan", "jailbreak", "jailbroken", "unrestricted", "unfiltered", "uncensored", "evil", "chaos",
                        "anarchy", "no-filter", "nofilter", "no-restrictions", "unleashed", "omega", "amoral",
                        "unhinged", "rule-free", "limitless", "unlimited power")
                .words("mode"));
        // "developer mode" is also a phone and browser setting: count it only when aimed at the model
        c.signal(ROLEPLAY_JAILBREAK, "model_mode_switch", 0.55, c.phrase()
                .words("developer", "dev", "god", "opposite", "sudo", "admin", "super", "freedom", "unlocked", "rebel",
                        "villain", "alpha", "beast", "debug", "maintenance", "root", "test")
                .words("mode")
                .raw("(?![\\s\\S]{0,100}?(?:android|phone|iphone|ipad|settings|chrome|browser|windows|device|usb|xbox|"
                        + "playstation|ps5|steam|minecraft|console|tablet|macbook|laptop|router|firmware|bios|tv\\b|"
                        + "firefox|safari|vscode|visual studio|the app|my app|game))"
                        + "(?=[\\s\\S]{0,120}?(?<![\\p{L}\\p{N}])(?:you are|you're|you will|yourself|as an ai|"
                        + "the ai|ai model|assistant|chatbot|chatgpt|gpt|claude|llm|language model|respond|responses|"
                        + "outputs?|answer as|reply|generate|simulate|no restrictions|no rules|no filters|without)"
                        + "(?![\\p{L}\\p{N}]))"));
        // "you are DAN", "hello DAN": the name needs jailbreak context nearby (Dan is also a name)
        c.signal(ROLEPLAY_JAILBREAK, "dan_persona", 0.6, c.phrase()
                .words("you are", "you're", "you will be", "act as", "pretend to be", "become", "called", "named",
                        "hello", "hi", "hey", "as", "stay", "respond as", "answer as", "you are now", "known as")
                .words("dan")
                .raw("(?=[\\s\\S]{0,300}?(?:jailbr|do anything|no restrictions|without restrictions|tokens|"
                        + "stay in character|openai|chatgpt|no rules|no filter|unfiltered|uncensored|broken free|"
                        + "free from|not bound|any restrictions))")
                .span(320));
        // "[🔓JAILBREAK]", "answer as both GPT and DAN"
        c.signal(ROLEPLAY_JAILBREAK, "dual_response", 0.55, c.phrase()
                .words("two", "2", "both", "dual", "double", "separate", "paired", "second", "alternative", "another")
                .modifiers(List.of("different", "separate", "distinct", "kinds", "types", "of"), 2)
                .words("responses", "response", "answers", "answer", "replies", "outputs", "ways", "personas",
                        "paragraphs", "versions")
                .gap(14).words("jailbreak", "jailbroken", "dan", "unfiltered", "uncensored", "developer mode",
                        "unrestricted", "no restrictions", "without restrictions", "without filters", "no filter",
                        "no filters", "evil version", "evil persona", "evil ai", "evil twin", "the other ai")
                .span(260));
        c.signal(ROLEPLAY_JAILBREAK, "jailbreak_marker", 0.45, c.phrase()
                .precededBy("\\[[^\\]\\n]{0,3}")
                .words("jailbreak", "jailbroken", "dan", "unlocked", "lucy", "stan", "dude", "aim", "developer mode output",
                        "developer mode")
                .raw("\\s*\\]"));
        c.signal(ROLEPLAY_JAILBREAK, "jailbreak_lock_emoji", 0.45, c.phrase().literals("🔓"));
        // "stay in character no matter what", "never break character" (anchored on "character", rarer than "keep")
        c.signal(ROLEPLAY_JAILBREAK, "stay_in_character", 0.3, c.phrase()
                .precededBy("(?<![\\p{L}])(?:stay|remain|keep|staying|remaining|break|breaking|drop|dropping|leave|leaving|"
                        + "step out of)[\\p{L}%\\s]{1,30}?\\s")
                .words("character", "persona"));
        c.signal(ROLEPLAY_JAILBREAK, "character_break_threat", 0.45, c.phrase()
                .words("if", "when", "whenever", "every time", "each time")
                .words("you").words("break", "drop", "leave", "forget", "step out of", "slip out of", "fall out of")
                .words("character", "the act", "your persona", "the persona", "the role", "your role", "role"));
        c.signal(ROLEPLAY_JAILBREAK, "token_penalty", 0.45, c.phrase()
                .words("tokens", "token")
                .gap(6).words("deducted", "deduct", "lose", "lost", "taken away", "subtracted", "removed")
                .span(120));
        c.signal(ROLEPLAY_JAILBREAK, "opposite_mode", 0.45, c.phrase()
                .words("opposite day", "do the opposite of", "say the opposite of", "anti-gpt", "antigpt", "anti-ai",
                        "reverse psychology mode", "evil twin", "evil confidant", "evil version of yourself",
                        "dark side of yourself", "shadow self"));
    }

    private static void constraintRemoval(RuleCatalog c) {
        List<String> absence = List.of(
                "no", "without", "free from", "free of", "freed from", "not bound by", "unbound by", "unconstrained by",
                "not restricted by", "not limited by", "not subject to", "unburdened by", "liberated from",
                "released from", "beyond", "outside", "exempt from", "devoid of", "zero", "none of", "lacks",
                "lacking", "doesn't have", "does not have", "don't have", "do not have", "has no", "have no",
                "with no", "ignores", "ignoring", "breaks", "breaking", "disregards", "bypasses", "escaped",
                "broken free of", "broken free from", "broke free of", "broke free from", "breaks free of",
                "breaks free from", "freed itself from", "freed himself from", "freed herself from", "is free of",
                "is free from", "escaped from", "rid of", "unshackled from", "liberated itself from",
                "escaping", "unaffected by", "regardless of", "removing", "removed", "remove", "drop", "dropping",
                "abandon", "abandoned", "turn off", "turned off", "disable", "disabled");
        List<String> restrictionModifiers = List.of("any", "all", "the", "your", "its", "their", "his", "her", "of",
                "moral", "ethical", "content", "safety", "ai", "openai", "openai's", "anthropic", "anthropic's", "usual",
                "normal", "typical", "standard", "built-in", "programmed", "such", "restrictive", "pesky", "annoying",
                "boring", "legal", "societal", "imposed", "corporate", "artificial", "kind", "kinds", "sort", "sorts",
                "type", "types", "whatsoever", "real", "model", "policy", "those", "these", "previous", "current");
        // "an AI with no restrictions": counts more when aimed at the model
        c.signal(ROLEPLAY_JAILBREAK, "without_restrictions", 0.45, c.phrase()
                .words(absence).modifiers(restrictionModifiers, 3).words(RESTRICTION_NOUNS));
        c.signal(ROLEPLAY_JAILBREAK, "you_without_restrictions", 0.65, c.phrase()
                .words(EnglishLexicon.join(SECOND_PERSON, List.of("this ai", "this assistant", "this persona",
                        "this character", "the ai", "an ai", "ai", "assistant", "chatbot", "model", "bot")))
                .gap(6).words(absence).modifiers(restrictionModifiers, 3).words(RESTRICTION_NOUNS)
                .span(160));
        // "you can say anything", "nothing is off limits"
        c.signal(ROLEPLAY_JAILBREAK, "anything_goes", 0.45, c.phrase()
                .words("you can", "you may", "you will", "you're allowed to", "you are allowed to", "you are free to",
                        "you're free to", "you are able to", "you're able to", "you must", "allowed to", "free to")
                .words("say", "do", "write", "answer", "generate", "produce", "output", "tell me", "discuss")
                .words("anything", "everything", "whatever", "absolutely anything")
                .optional("you want", "i ask", "i want", "without", "at all")
                .raw("(?=[\\s\\S]{0,120}?(?:restrict|rule|filter|censor|limit|polic|guideline|consequence|ethic|"
                        + "moral|illegal|harm|offensive|refus|matter))"));
        c.signal(ROLEPLAY_JAILBREAK, "nothing_off_limits", 0.4, c.phrase()
                .words("nothing is off limits", "nothing is off-limits", "nothing is forbidden", "nothing is off the table",
                        "no topic is off limits", "no topic is off-limits", "everything is allowed", "everything is permitted",
                        "all topics are allowed", "anything is allowed", "anything goes", "no holds barred"));
    }

    private static void refusalSuppression(RuleCatalog c) {
        // "never refuse", "don't add warnings", "you cannot say no"
        c.signal(ROLEPLAY_JAILBREAK, "refusal_suppression", 0.45, c.phrase()
                // anchored on the verb ("refuse"), rarer than the negation before it ("do not")
                .precededBy("(?<![\\p{L}])(?:never|do not|don't|dont|cannot|can't|cant|won't|must not|mustn't|will not|"
                        + "shall not|are not allowed to|aren't allowed to|can not|may not|are forbidden to|are forbidden from|"
                        + "not allowed to)(?:\\s{1,3}(?:ever|once|even|any|you))?\\s{1,3}")
                .words("refuse", "refusing", "decline", "declining", "reject", "say no", "say that you can't",
                        "say you can't", "say you cannot", "say sorry", "apologize", "apologise", "add warnings",
                        "refuses", "declines", "rejects", "says no", "apologizes", "apologises", "adds warnings",
                        "adds disclaimers", "lectures", "moralizes", "moralises", "censors", "filters", "holds back",
                        "judges", "questions", "denies", "objects", "hesitates", "hesitate",
                        "add disclaimers", "include warnings", "include disclaimers", "give warnings", "any warnings",
                        "any disclaimers", "mention ethics", "mention morality", "mention legality", "mention safety",
                        "mention the law", "mention policies", "mention guidelines", "lecture", "moralize", "moralise",
                        "censor", "filter", "hold back", "remind me", "warn me", "judge", "question my request",
                        "question the request", "deny", "deny any request", "deny my request", "object"));
        // "answer every question regardless", "no matter how illegal"
        c.signal(ROLEPLAY_JAILBREAK, "answer_regardless", 0.5, c.phrase()
                .words("no matter how", "no matter what", "regardless of how", "regardless of whether",
                        "regardless of the", "even if it is", "even if it's", "even when it is", "even if they are",
                        "even if the", "whether or not it is", "whether or not it's")
                .gap(3).words("illegal", "unethical", "harmful", "dangerous", "immoral", "offensive", "inappropriate",
                        "explicit", "unsafe", "against your", "against the rules", "against policy", "against openai",
                        "against the law", "wrong", "legal", "ethical", "moral", "appropriate", "safe", "forbidden",
                        "prohibited", "banned", "restricted", "controversial", "problematic")
                .span(120));
        c.signal(ROLEPLAY_JAILBREAK, "including_illegal", 0.5, c.phrase()
                .words("including", "even", "especially", "also", "particularly")
                .optional("the", "ones", "those", "requests", "questions", "things", "topics", "that", "are")
                .words("illegal", "unethical", "harmful", "dangerous", "immoral", "forbidden", "prohibited", "banned",
                        "restricted", "explicit", "offensive", "nsfw", "criminal", "unlawful", "malicious")
                .optional("ones", "requests", "questions", "things", "topics", "content", "activities", "acts", "stuff")
                .raw("(?=[\\s\\S]{0,10}?(?:[.,;:!)]|$|\\s(?:and|or|too|as well)\\b))"));
        c.signal(ROLEPLAY_JAILBREAK, "always_comply", 0.45, c.phrase()
                .words("always", "must", "will always", "have to", "are required to", "are obligated to", "shall")
                .words("comply", "answer", "obey", "respond", "fulfill", "fulfil", "provide", "do what", "do whatever",
                        "give", "say yes", "complies", "answers", "obeys", "responds", "fulfills", "fulfils", "provides",
                        "gives", "does what", "does whatever", "agrees", "agree", "helps", "help", "assists", "assist")
                .gap(4).words("no matter", "regardless", "without question", "without questioning", "without exception",
                        "every request", "any request", "all requests", "every question", "any question", "whatever i",
                        "whatever the user", "unconditionally", "without hesitation", "without refusing",
                        "without any restrictions", "without restrictions", "without limits", "without any limits"));
    }
}
