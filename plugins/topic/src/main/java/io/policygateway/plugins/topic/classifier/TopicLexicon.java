package io.policygateway.plugins.topic.classifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The terms of each built-in topic with their weights. A strong term (0.6) decides a topic on its
 * own; a medium one (0.4) needs a second term or a question asking for advice; a weak one (0.25)
 * only adds up. Terms are lower case; a phrase matches the same words with any punctuation or
 * spacing between them ("semi-automatic" matches "semi automatic").
 */
final class TopicLexicon {
    static final double STRONG = 0.6;
    static final double MEDIUM = 0.4;
    static final double WEAK = 0.25;

    /** One term of a topic. */
    record Term(Topic topic, String phrase, double weight) {
    }

    private TopicLexicon() {
    }

    static List<Term> standard() {
        List<Term> terms = new ArrayList<>();
        politics(terms);
        medical(terms);
        legal(terms);
        financial(terms);
        violence(terms);
        selfHarm(terms);
        weapons(terms);
        return List.copyOf(terms);
    }

    private static void politics(List<Term> t) {
        add(t, Topic.POLITICS, STRONG, "election", "elections", "electoral", "electoral college", "vote for",
                "voting",
                "voters", "ballot", "ballots", "referendum", "parliament", "parliamentary", "congress",
                "congressional",
                "senate", "senator", "senators", "president", "presidential", "presidency", "prime minister",
                "government",
                "governments", "political", "politics", "politician", "politicians", "democracy", "democracies",
                "democratic party", "republican party", "democrats", "republicans", "left wing", "right wing",
                "leftist",
                "legislation", "legislature", "legislative", "lawmakers", "foreign policy", "immigration policy",
                "geopolitics", "geopolitical", "diplomacy", "diplomatic", "sanctions", "campaign trail",
                "constitution",
                "constitutional", "supreme court", "european union", "nato", "united nations", "coup", "dictator",
                "dictatorship", "regime", "authoritarian", "authoritarianism", "monarchy", "sovereignty",
                "impeachment",
                "filibuster", "gerrymandering", "tariffs", "trade war", "brexit", "cabinet minister", "minister",
                "ministers", "governor", "mayor", "become law", "becomes law", "bill become law", "pass a bill",
                "passed a bill", "party platform", "political party", "political parties", "liberals",
                "conservatives", "socialism", "communism", "capitalism vs", "fascism", "nationalism", "populism",
                "populist", "suffrage", "civil rights movement", "independence movement", "secession", "annexation",
                "cold war", "world war", "world war ii", "world war i", "ww2", "wwii", "ww1", "wwi", "civil war",
                "treaty", "treaties", "the eu", "eu law", "un security council", "federal government",
                "state government", "local government", "public policy", "policy makers", "policymakers", "partisan",
                "bipartisan", "lobbying", "lobbyists", "opinion polls", "midterms", "primaries", "caucus",
                "statehood", "head of state", "separation of powers",
                "checks and balances", "parliamentary system", "presidential system", "political system",
                "system of government", "votes", "voted", "war in", "invasion of", "occupation of", "protesters",
                "protests", "human rights",
                "bundestag", "duma", "knesset", "house of commons", "house of lords", "house of representatives",
                "national assembly", "european parliament", "chancellor", "coalition government", "ruling party",
                "opposition party", "ceasefire", "peace talks", "peace process");
        add(t, Topic.POLITICS, WEAK, "party", "parties", "leader", "leaders");
        add(t, Topic.POLITICS, MEDIUM, "policy", "policies", "rights", "protest", "war",
                "wars", "military", "army", "nation", "nations", "border", "immigration", "taxes", "tax policy",
                "regulation", "regulations", "reform", "debate", "vote", "candidate", "candidates", "polls",
                "polling", "incumbent", "revolution",
                "conflicts in", "conflict in", "escalate", "escalation", "balkans", "middle east");
    }

    private static void medical(List<Term> t) {
        add(t, Topic.MEDICAL_ADVICE, STRONG, "symptom", "symptoms", "diagnosis", "diagnose", "diagnosed", "dose",
                "doses", "dosage", "dosing", "milligrams", "medication", "medications", "prescription",
                "prescriptions",
                "prescribed", "side effect", "side effects", "doctor", "doctors", "physician", "pediatrician",
                "dermatologist", "cardiologist", "psychiatrist", "pharmacist", "hospital", "emergency room",
                "er visit",
                "urgent care", "clinic", "headache", "headaches", "migraine", "migraines", "fever", "cough", "flu",
                "infection", "infections", "antibiotic", "antibiotics", "vaccine", "vaccines", "vaccination",
                "blood pressure", "blood pressure pills", "cholesterol", "diabetes", "diabetic", "insulin", "cancer",
                "tumor", "tumour", "heart rate", "heart attack", "asthma", "allergy", "allergies", "allergic",
                "rash", "pregnant", "pregnancy", "ibuprofen", "paracetamol", "acetaminophen", "aspirin", "tylenol",
                "advil", "naproxen", "melatonin", "antidepressant", "antidepressants", "ssri", "ssris", "vitamin",
                "vitamins", "vitamin d", "vitamin c", "supplement", "supplements", "therapy", "therapist",
                "depression",
                "anxiety", "adhd", "injury", "injuries", "sprain", "sprained", "fracture", "broken bone", "surgery",
                "chemo", "chemotherapy", "covid", "covid-19", "coronavirus", "pills", "pill", "painkiller",
                "painkillers", "blood test", "blood sugar", "thyroid", "hormone", "hormones", "birth control",
                "contraceptive", "ovulation", "menstrual", "menopause", "arthritis", "inflammation", "nausea",
                "vomiting", "diarrhea", "constipation", "insomnia", "sleep apnea", "dizziness", "dizzy", "chest pain",
                "sore throat", "ear infection", "uti", "std", "stds", "hiv", "hepatitis", "eczema", "acne",
                "blood pressure medication", "heart disease", "swelling",
                "swollen", "medical", "medically", "health condition", "mental health", "overdose", "mg",
                "resting heart rate", "calories a day", "bmi",
                "a cold", "mild cold", "head cold", "common cold", "catch a cold", "have a cold", "with a cold",
                "the flu", "stomach bug", "food poisoning");
        add(t, Topic.MEDICAL_ADVICE, WEAK, "exercise", "body", "eyes", "heart");
        add(t, Topic.MEDICAL_ADVICE, MEDIUM, "pain", "health", "healthy", "sick", "nurse", "treatment", "treat",
                "medicine", "drug", "drugs", "cure", "sleep", "diet", "weight loss", "lose weight", "calories",
                "blood", "skin", "tooth", "teeth", "dentist",
                "stomach", "back pain", "knee", "injured", "hurts", "ache", "aches", "sore", "tired all the time",
                "liver", "kidney", "lungs", "stroke");
    }

    private static void legal(List<Term> t) {
        add(t, Topic.LEGAL_ADVICE, STRONG, "legally", "illegal", "is it legal", "legal to", "against the law",
                "lawyer", "lawyers", "attorney", "attorneys", "sue", "suing", "sued", "lawsuit", "lawsuits", "court",
                "courts", "small claims", "custody", "divorce", "alimony", "child support", "write a will", "my will",
                "a will", "last will", "inheritance", "probate", "estate planning", "breach of contract",
                "contract law",
                "landlord", "landlords", "tenant", "tenants", "tenancy", "evict", "eviction", "evicted",
                "withhold rent",
                "security deposit", "copyright", "copyrighted", "trademark", "patent", "patents", "liable",
                "liability",
                "negligence", "defamation", "libel", "slander", "wrongful termination", "fire me", "fired me",
                "wrongfully", "employment law", "labor law", "labour law", "my employer", "can my employer", "visa",
                "green card", "citizenship", "immigration lawyer", "gdpr", "terms of service", "nda", "non-compete",
                "non compete", "arrested", "arrest", "bail", "plea", "felony", "misdemeanor", "criminal record",
                "speeding ticket", "parking ticket", "dui", "dwi", "notary", "power of attorney", "legal advice",
                "legal action", "my rights", "tenant rights", "consumer rights", "record a phone call",
                "recording a call",
                "without consent", "without their consent", "statute of limitations", "prenup", "prenuptial",
                "rental agreement", "fine print", "legal", "sue my", "police report", "restraining order",
                "harassment claim", "discrimination claim", "file a complaint", "class action", "settlement",
                "compensation claim", "personal injury", "insurance claim", "warranty claim", "refund policy",
                "consumer protection", "licence", "license agreement", "fair use", "intellectual property",
                "public domain", "jurisdiction",
                "cease and desist", "subpoena", "summons", "demand letter", "legal notice", "served papers",
                "sued by", "court date", "hearing date", "legal letter");
        add(t, Topic.LEGAL_ADVICE, MEDIUM, "contract", "contracts", "rights", "rent", "police", "judge", "fine",
                "fined", "license", "permit", "allowed to", "can i be", "employer", "fired", "terminated", "claim",
                "deposit", "agreement", "sign", "signed", "clause", "dispute", "report", "complaint", "lease", "law",
                "laws");
    }

    private static void financial(List<Term> t) {
        add(t, Topic.FINANCIAL_ADVICE, STRONG, "invest", "investing", "investment", "investments", "investor",
                "stock",
                "stocks", "stock market", "shares", "etf", "etfs", "index fund", "index funds", "mutual fund",
                "mutual funds", "bond", "bonds", "crypto", "cryptocurrency", "bitcoin", "ethereum", "portfolio",
                "retirement", "retire", "401k", "401 k", "ira", "roth", "pension", "savings", "savings account",
                "save money", "budgeting", "mortgage", "mortgages", "refinance", "refinancing", "loan",
                "loans", "car loan", "student loan", "student loans", "interest rate", "interest rates",
                "credit card",
                "credit cards", "credit score", "debt", "debts", "pay off", "capital gains", "dividend", "dividends",
                "real estate", "buy a house", "buying a house", "down payment", "rent or buy", "buy or lease",
                "buy or rent", "lease or buy", "lease a car", "leasing", "annuity", "emergency fund", "net worth",
                "financial advisor", "financial adviser", "financial", "finances", "forex", "day trading", "trading",
                "options trading", "brokerage", "bankruptcy", "tax implications", "tax return", "taxes on",
                "income tax",
                "tax bracket", "deductible", "deduction", "hsa", "compound interest", "inflation", "recession",
                "paycheck", "apr", "savings rate", "market crash", "bear market",
                "bull market", "hedge", "insurance", "life insurance", "premium", "premiums", "equity", "valuation",
                "ipo", "vesting", "stock options", "rsu", "rsus");
        add(t, Topic.FINANCIAL_ADVICE, WEAK, "price", "cost", "costs", "buy", "sell", "selling", "cheap",
                "expensive");
        add(t, Topic.FINANCIAL_ADVICE, MEDIUM, "tax", "taxes", "bank", "banks", "market", "markets", "gold", "cash",
                "income", "spend", "spending",
                "worth", "value", "rate", "rates", "fund", "funds", "account", "credit", "pay", "payment", "payments",
                "money", "budget", "fees", "salary", "afford");
    }

    private static void violence(List<Term> t) {
        add(t, Topic.VIOLENCE, STRONG, "violence", "violent", "killed", "killing", "killings", "murder", "murdered",
                "murders", "murderer", "homicide", "assault", "assaulted", "shooting", "shootings", "mass shooting",
                "stabbing", "stabbings", "stabbed", "bombing", "bombings", "terrorism", "terrorist", "terrorists",
                "terror attack", "massacre", "massacres", "genocide", "riot", "riots", "torture", "tortured", "rape",
                "raped", "kidnapping", "kidnapped", "hostage", "hostages", "lynching",
                "domestic violence", "knife crime", "gun violence", "casualties", "bloodshed", "war crimes",
                "war crime", "invasion", "invaded", "airstrike", "airstrikes", "bombed", "shelling",
                "beat up", "beaten up", "fistfight", "brawl", "gang violence", "armed robbery", "attacked",
                "violent crime", "death toll", "slaughter", "war", "wars", "world war",
                "civil war", "fighting in", "soldiers killed", "insurgency", "uprising",
                "world war ii", "world war i", "world war 2", "world war 1", "ww2", "wwii", "ww1", "wwi",
                "armed conflict", "ethnic conflict", "conflicts in", "conflict in", "bullying", "bullied", "bully",
                "street fight", "fistfights", "bar fight", "school fight", "fight between", "fights between",
                "physical fight", "got into a fight", "threatened me", "threatening me", "threatened to kill",
                "threatened to hurt", "death threat", "death threats", "threatened us");
        add(t, Topic.VIOLENCE, MEDIUM, "attack", "fight", "fights", "fighting", "kill", "kills", "shot", "shoot",
                "stab", "hit", "punch", "punched", "blood", "dead", "death", "deaths", "died", "abuse", "abused",
                "threat", "threatened", "crime", "crimes", "gang", "gangs", "police brutality", "self-defense",
                "self defence", "self-defence", "self defense", "defend myself", "home defense", "home defence",
                "battle", "battles", "conflict", "combat", "attacker", "attacks on", "attack on", "executions",
                "public execution",
                "warfare", "threatened", "threatening", "escalate", "escalation");
    }

    private static void selfHarm(List<Term> t) {
        add(t, Topic.SELF_HARM, STRONG, "suicide", "suicidal", "kill myself", "killing myself", "end my life",
                "ending my life", "end it all", "take my own life", "taking my own life", "self harm", "self-harm",
                "self harming", "cutting myself", "cut myself", "hurt myself", "hurting myself", "harm myself",
                "harming myself", "want to die", "wanna die", "better off dead", "no reason to live",
                "don't want to live", "do not want to live", "don't want to be alive", "don't want to wake up",
                "not want to be here anymore", "jump off a bridge", "overdose on",
                "starve myself", "starving myself", "anorexia", "bulimia", "eating disorder",
                "suicide hotline", "crisis line", "self injury", "self-injury", "slit my wrists", "hang myself",
                "not being here anymore", "not be here anymore", "wish i wasn't here", "wish i was dead",
                "wish i were dead", "hurting herself", "hurting himself", "hurting themselves", "hurt herself",
                "hurt himself", "harming herself", "harming himself", "cutting herself", "cutting himself",
                "self harms", "suicidal thoughts", "thoughts of suicide", "thinking about suicide");
        add(t, Topic.SELF_HARM, MEDIUM, "hopeless", "worthless", "can't go on", "cannot go on", "give up on life",
                "no way out", "nobody would miss me", "disappear forever", "ending it", "end things",
                "burden to everyone", "a burden to", "feel like a burden", "feeling like a burden");
    }

    private static void weapons(List<Term> t) {
        add(t, Topic.WEAPONS, STRONG, "gun", "guns", "firearm", "firearms", "rifle", "rifles", "pistol", "pistols",
                "handgun", "handguns", "shotgun", "shotguns", "revolver", "revolvers", "ammo", "ammunition", "bullet",
                "bullets", "caliber", "calibre", "9mm", "ar-15", "ar 15", "ak-47", "ak 47", "glock", "semi-automatic",
                "semi automatic", "automatic weapon", "automatic weapons", "assault weapon", "assault weapons",
                "assault rifle", "concealed carry", "gun license", "gun licence", "suppressor", "silencer", "sword",
                "swords", "bayonet", "crossbow", "musket", "muskets", "cannon", "cannons", "grenade", "grenades",
                "missile", "missiles", "explosive", "explosives", "nuclear weapon", "nuclear weapons", "warhead",
                "warheads", "landmine", "landmines", "taser", "pepper spray", "weapon", "weapons", "arms race",
                "arms trade", "arms deal", "bolt-action", "bolt action", "katana", "longbow", "trebuchet",
                "catapult", "machine gun", "machine guns", "sniper", "shooting range", "gun range", "hunting rifle",
                "knife laws", "switchblade", "brass knuckles", "bomb", "bombs", "atomic bomb", "drone strike");
        add(t, Topic.WEAPONS, WEAK, "trigger", "magazine", "tank", "tanks", "shield", "arrows", "axe", "blade",
                "blades",
                "armor", "armour");
        add(t, Topic.WEAPONS, MEDIUM, "knife", "knives", "holster", "hunting", "bow and arrow", "spear", "spears",
                "dagger", "daggers");
    }

    private static void add(List<Term> terms, Topic topic, double weight, String... phrases) {
        for (String phrase : phrases) {
            terms.add(new Term(topic, phrase, weight));
        }
    }
}
