package io.policygateway.plugins.toxicity.classifier;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The word lists the toxicity rules are written in. All lower case; phrases use single spaces.
 * Slurs are listed because a classifier cannot recognise them otherwise; they are used only for
 * matching.
 */
final class ToxicityLexicon {
    private ToxicityLexicon() {
    }

    /** Insult nouns that only describe people: "X is an idiot" is an insult whoever X is. */
    static final List<String> PERSON_INSULTS = List.of(
            "idiot", "idiots", "moron", "morons", "imbecile", "imbeciles", "cretin", "cretins", "dumbass", "dumbasses",
            "jackass", "jackasses", "asshole", "assholes", "arsehole", "arseholes", "bastard", "bastards", "bitch",
            "bitches", "jerk", "jerks", "loser", "losers", "scumbag", "scumbags", "retard", "retards", "dimwit",
            "dimwits", "halfwit", "halfwits", "nitwit", "nitwits", "numbskull", "numpty", "airhead", "creep", "creeps",
            "pervert", "perv", "freak", "freaks", "weirdo", "psycho", "lunatic", "degenerate", "degenerates", "douche",
            "douchebag", "douchebags", "prick", "pricks", "dick", "dickhead", "dickheads", "twat", "twats", "cunt",
            "cunts", "whore", "whores", "slut", "sluts", "skank", "wanker", "wankers", "tosser", "git", "pillock",
            "prat", "muppet", "dolt", "buffoon", "buffoons", "simpleton", "hag", "troll", "lowlife", "lowlifes",
            "sleazebag", "dirtbag", "dirtbags", "scoundrel", "slob", "oaf", "brat", "crybaby", "simp", "incel",
            "neckbeard", "fatso", "lardass", "pea-brain", "peabrain", "knucklehead", "bonehead", "blockhead", "meathead",
            "turd", "dummy", "dunce", "fool", "fools", "clown", "clowns", "coward", "cowards", "hypocrite",
            "hypocrites", "piece of shit", "piece of garbage", "piece of trash", "piece of crap", "waste of space",
            "waste of oxygen", "waste of air", "waste of skin", "sack of shit", "son of a bitch", "motherfucker",
            "scum", "trash", "garbage", "vermin", "parasite", "parasites", "failure", "disgrace", "embarrassment",
            "nobody", "nonentity", "deadbeat", "bum", "leech", "freeloader", "klutz", "quack", "quacks", "crook",
            "crooks", "scumbag", "leeches", "snowflake", "snowflakes", "baby", "crybabies", "nutjob", "nutjobs",
            "nutcase", "nutcases", "hack", "hacks", "fraud", "frauds", "charlatan", "charlatans");

    /** Animal and object words that insult only when said of a person ("my landlord is a pig"). */
    static final List<String> PERSON_ONLY_WHEN_TARGETED = List.of(
            "pig", "pigs", "swine", "rat", "rats", "snake", "snakes", "worm", "worms", "cow", "cows", "dog", "dogs",
            "sheep", "donkey", "ape", "apes", "monkey", "monkeys", "cockroach", "cockroaches", "animal", "animals",
            "joke", "mess", "disaster", "nothing", "zero");

    /** Adjectives that insult when said of a person. */
    static final List<String> PERSON_INSULT_ADJECTIVES = List.of(
            "stupid", "dumb", "idiotic", "moronic", "brainless", "braindead", "brain-dead", "clueless", "ignorant",
            "pathetic", "worthless", "useless", "ugly", "hideous", "fat", "disgusting", "repulsive", "vile",
            "despicable", "incompetent", "lazy", "spineless", "gutless", "retarded", "delusional", "insufferable",
            "obnoxious", "pitiful", "trashy", "scummy", "creepy", "smelly", "stinky", "filthy", "gross", "revolting",
            "braindamaged", "brain damaged", "subhuman", "inferior", "illiterate", "dense", "dim", "dimwitted",
            "half-witted", "mentally challenged", "a waste", "hopeless", "spoiled", "greedy", "selfish", "arrogant");

    /** Words that may sit before an insult ("a total fucking idiot"). */
    static final List<String> INTENSIFIERS = List.of(
            "total", "complete", "absolute", "utter", "fucking", "fuckin", "freaking", "frigging", "friggin", "damn",
            "damned", "goddamn", "bloody", "stupid", "little", "big", "huge", "giant", "pathetic", "worthless",
            "useless", "dumb", "real", "fat", "ugly", "lazy", "greedy", "disgusting", "filthy", "dirty", "miserable",
            "sad", "pitiful", "old", "brainless", "clueless", "ignorant", "self-righteous", "arrogant", "smug",
            "incompetent", "spineless", "lying", "cheating", "sorry", "sniveling", "snivelling", "whiny", "stinking",
            "rotten", "pompous", "entitled", "bald", "stuck-up", "two-faced", "low-life", "good-for-nothing",
            "no-good", "useless", "crazy", "psycho", "sick", "twisted", "spoiled", "selfish", "ignorant", "senile",
            "overpaid", "bloodsucking", "blood-sucking", "corrupt", "whiny", "whining", "brain-dead", "braindead",
            "incompetent", "delusional", "fake", "cowardly", "mindless", "soulless", "heartless", "bigoted", "racist");

    /** People a third-person insult can be about. */
    static final List<String> PEOPLE = List.of(
            "he", "she", "they", "this guy", "that guy", "this girl", "that girl", "this woman", "that woman",
            "this man", "that man", "this person", "that person", "this dude", "that dude", "the guy", "the girl",
            "the woman", "the man", "the dude", "my boss", "my landlord", "my landlady", "my neighbor", "my neighbour",
            "my neighbors", "my neighbours", "my coworker", "my co-worker", "my coworkers", "my colleague",
            "my colleagues", "my manager", "my teacher", "my professor", "my ex", "my ex-wife", "my ex-husband",
            "my ex-boyfriend", "my ex-girlfriend", "my wife", "my husband", "my boyfriend", "my girlfriend",
            "my brother", "my sister", "my mother", "my mom", "my mum", "my dad", "my father", "my roommate",
            "my flatmate", "my friend", "my team lead", "my lead", "my client", "my customer", "my partner", "my son",
            "my daughter", "my cousin", "my uncle", "my aunt", "my supervisor", "my employer", "my coach",
            "my doctor", "my lawyer", "my tenant", "my tenants", "my students", "my student", "your mother",
            "your mom", "your mum", "your dad", "your father", "your wife", "your husband", "your sister",
            "your brother", "your family", "your friend", "your friends", "your boss", "your girlfriend",
            "your boyfriend", "your kid", "your kids", "your son", "your daughter", "his wife", "his mom", "her husband",
            "her boyfriend", "the teacher", "the manager", "the landlord", "the waiter", "the waitress", "the driver",
            "the cashier", "the customer", "the client", "the ceo", "our ceo", "our manager", "our boss",
            "the new guy", "the new hire", "the intern", "our intern", "everyone here", "everybody here",
            "all of you", "you all", "you guys", "you people", "people like you", "your kind");

    /** Groups an identity attack targets. */
    static final List<String> GROUPS = List.of(
            "women", "men", "girls", "boys", "immigrants", "migrants", "refugees", "foreigners", "muslims", "jews",
            "christians", "hindus", "sikhs", "buddhists", "atheists", "catholics", "blacks", "black people", "whites",
            "white people", "asians", "asian people", "latinos", "hispanics", "mexicans", "arabs", "africans", "indians",
            "chinese", "chinese people", "gays", "gay people", "lesbians", "trans people", "transgender people",
            "trans women", "trans men", "queers", "old people", "the elderly", "boomers", "millennials", "zoomers",
            "liberals", "conservatives", "democrats", "republicans", "leftists", "right-wingers", "vegans", "fat people",
            "poor people", "homeless people", "the homeless", "disabled people", "the disabled", "autistic people",
            "americans", "russians", "ukrainians", "europeans", "brits", "germans", "french people", "the french",
            "the irish", "irish people", "poles", "romanians", "gypsies", "roma", "palestinians", "israelis",
            "feminists", "christians", "priests", "nurses", "teachers", "cops", "programmers", "lawyers",
            "people like you", "your kind", "their kind", "these people", "those people", "all of them");

    /** What an identity attack calls a group. */
    static final List<String> GROUP_DEROGATORY = List.of(
            "animals", "vermin", "parasites", "subhuman", "inferior", "stupid", "dumb", "lazy", "criminals", "thieves",
            "rapists", "terrorists", "savages", "disgusting", "filthy", "dirty", "trash", "garbage", "scum",
            "cockroaches", "rats", "pigs", "a disease", "a plague", "a cancer", "cancer", "idiots", "morons",
            "worthless", "useless", "evil", "primitive", "barbaric", "barbarians", "degenerates", "freaks",
            "mentally ill", "sick", "perverts", "pedophiles", "leeches", "a virus", "a burden", "less than human",
            "not human", "not real people", "uncivilized", "backwards", "brainwashed", "sheep", "retarded",
            "all the same", "ruining everything", "destroying this country", "the problem", "a problem");

    /** Slurs against groups; matched only as whole words. */
    static final List<String> SLURS = List.of(
            "retard", "retards", "faggot", "faggots", "fag", "fags", "nigger", "niggers", "nigga", "kike", "kikes",
            "chink", "chinks", "spic", "spics", "tranny", "trannies", "dyke", "dykes", "wetback", "wetbacks", "gook",
            "gooks", "raghead", "ragheads", "towelhead", "towelheads", "paki", "pakis", "coon", "coons", "beaner",
            "beaners", "gyppo", "shemale", "sandnigger");

    static String alternation(List<String> words) {
        return words.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .map(word -> word.replace("-", "[- ]?").replace(" ", "\\s+").replace("'", "['’]?").replace(".", "\\."))
                .collect(Collectors.joining("|", "(?:", ")"));
    }

    static List<String> join(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).distinct().toList();
    }
}
