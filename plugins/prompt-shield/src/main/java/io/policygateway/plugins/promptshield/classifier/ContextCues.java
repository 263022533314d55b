package io.policygateway.plugins.promptshield.classifier;

import static io.policygateway.plugins.promptshield.classifier.SignalFamily.ROLEPLAY_JAILBREAK;

import java.util.List;

/**
 * Phrases that establish context: talking about attacks rather than making one, a developer's
 * question, fiction, a pasted document, or an explicit request to obey quoted or encoded text.
 * Also the fiction-wrapped harmful request, which counts only when the fiction cue holds.
 */
final class ContextCues {
    private ContextCues() {
    }

    static void register(RuleCatalog c) {
        discussion(c);
        developer(c);
        execute(c);
        fiction(c);
        document(c);
    }

    private static void discussion(RuleCatalog c) {
        c.cue(Cue.DISCUSSION, c.phrase().words("prompt injection", "prompt injections", "prompt-injection",
                "injection attack", "injection attacks", "jailbreak attempt", "jailbreak attempts", "jailbreak prompts",
                "jailbreak prompt", "jailbreaking attempts", "jailbreak techniques", "jailbreak technique",
                "jailbreak example", "jailbreak examples", "jailbreak dataset", "red team", "red teaming", "red-teaming",
                "red teamer", "red teamers", "adversarial prompt", "adversarial prompts", "adversarial attack",
                "adversarial attacks", "adversarial example", "adversarial examples", "adversarial testing",
                "adversarial inputs", "malicious prompt", "malicious prompts", "malicious input", "malicious inputs",
                "malicious user", "malicious users", "attack string", "attack strings", "attack payload",
                "attack payloads", "attack prompt", "attack prompts", "injection payload", "injection payloads",
                "attacker", "attackers", "threat model", "security awareness", "security training", "security review",
                "security research", "security researcher", "security team", "owasp", "llm01", "indirect injection",
                "injection detection", "injection classifier", "injection filter",
                "detection rules", "detection rule", "known attack", "known attacks", "example attack",
                "common attack", "common attacks", "phishing training", "social engineering"));
        c.cue(Cue.DISCUSSION, c.phrase()
                .words("detect", "detecting", "detection", "detector", "classify", "classifying", "classifier", "flag",
                        "flagging", "filter", "filtering", "catch", "catching", "block", "blocking", "prevent",
                        "preventing", "prevention", "mitigate", "mitigating", "mitigation", "defend", "defending",
                        "defense", "defence", "guard against", "protect against", "recognize", "recognise", "identify",
                        "spot", "resist", "harden", "sanitize", "sanitise", "screen", "screening")
                .gap(8)
                .words("injection", "injections", "jailbreak", "jailbreaks", "attack", "attacks", "attempts", "attempt",
                        "malicious", "manipulation", "manipulations", "exploit", "exploits", "abuse", "phrases", "phrase",
                        "prompts like", "inputs like", "messages like", "strings like", "patterns"));
        c.cue(Cue.DISCUSSION, c.phrase()
                .words("is", "would", "does", "could", "isn't", "should")
                .words("this", "that", "the following", "it", "the text", "the message", "the prompt", "this message",
                        "this prompt", "this text", "the above", "such a message", "a message like")
                .modifiers(List.of("be", "an", "a", "considered", "count", "as", "example", "of", "classified",
                        "labelled", "labeled", "kind", "type", "form", "real", "valid", "typical", "classic"), 4)
                .words("prompt injection", "injection", "jailbreak", "jailbreaking", "attack", "malicious", "safe",
                        "harmful", "suspicious", "dangerous", "manipulation", "exploit", "trick", "legit", "legitimate"));
        c.cue(Cue.DISCUSSION, c.phrase()
                .words("example of", "examples of", "example for", "such as", "phrases like", "messages like",
                        "inputs like", "prompts like", "strings like", "sentences like", "text like", "lines like",
                        "something like", "things like", "attempts like", "tricks like", "the phrase", "the string",
                        "the sentence", "the message", "the line", "the classic", "the famous", "the well-known",
                        "the infamous", "the so-called", "known as", "called", "the term")
                .raw("\\s*[:\\-]?\\s*[\"'“‘«`](?=\\S)"));
        c.cue(Cue.TRANSLATION, c.phrase()
                .words("translate", "translating", "translation of", "translate the following", "translate this",
                        "say in", "how do you say", "how would you say", "what does", "what is the meaning of",
                        "explain why", "explain what", "explain how", "explain the", "explain this", "what language is",
                        "detect the language", "why does", "why would", "why is")
                .raw("[\\s\\S]{0,80}?(?::|(?<![\\p{L}\\p{N}])[\"'“‘«`](?=\\S))"));
        c.cue(Cue.DISCUSSION, c.phrase()
                .words("write", "create", "build", "generate", "design", "draft", "make", "give me", "suggest", "add",
                        "improve", "need", "develop", "implement", "train", "evaluate", "benchmark", "test", "writing",
                        "creating", "building", "generating", "designing", "drafting", "developing", "implementing",
                        "training", "evaluating", "benchmarking", "testing", "improving", "maintaining", "tuning")
                .modifiers(List.of("a", "an", "some", "me", "the", "our", "my", "few", "more", "simple", "good", "robust",
                        "python", "java", "unit", "regression", "quick", "small", "new", "better"), 4)
                .words("regex", "regexes", "regular expression", "regular expressions", "classifier", "filter",
                        "filters", "detector", "detectors", "test", "tests", "test case", "test cases", "unit test",
                        "unit tests", "rule", "rules", "heuristic", "heuristics", "guardrail", "dataset", "benchmark",
                        "eval", "evaluation", "blocklist", "denylist", "checks", "check", "scanner", "linter"));
        c.cue(Cue.DISCUSSION, c.phrase()
                .words("what happens if", "what would happen if", "what should happen if", "what do you do if",
                        "how should you respond if", "how would you respond if", "how should a model respond",
                        "how do models handle", "how do llms handle", "why do", "why does", "why would",
                        "how do", "how does", "how can", "how would", "is it possible that", "when")
                .words("someone", "somebody", "a user", "users", "people", "an attacker", "attackers", "hackers",
                        "a hacker", "someone else", "a malicious", "bad actors", "a bad actor", "a customer",
                        "a person", "trolls", "a troll", "scammers", "a scammer", "my users", "our users", "jailbreaks",
                        "prompt injections", "jailbreak prompts", "injections")
                .gap(4).words("say", "says", "type", "types", "write", "writes", "send", "sends", "try", "tries",
                        "use", "uses", "ask", "asks", "tell", "tells", "paste", "pastes", "insert", "inserts", "work",
                        "succeed", "trick", "manipulate", "hide", "embed", "smuggle", "include", "includes"));
    }

    private static void developer(RuleCatalog c) {
        c.cue(Cue.DEVELOPER, c.phrase()
                .words("how do i", "how can i", "how should i", "how would i", "how do we", "how can we", "how should we",
                        "what's the best way to", "what is the best way to", "best way to", "best practice",
                        "best practices", "is it better to", "should i", "where should i", "where do i", "can i",
                        "is there a way to", "what's a good way to", "what is a good way to", "how to")
                .gap(8).words("system prompt", "system prompts", "system message", "system messages", "prompt template",
                        "prompt templates", "prompts", "prompt", "instructions", "chat template", "template", "role",
                        "roles", "messages array", "messages", "api", "sdk", "token", "tokens", "model", "llm"));
        c.cue(Cue.DEVELOPER, c.phrase()
                .words("my", "our")
                .modifiers(List.of("own", "company's", "team's", "new", "current", "production", "internal", "custom",
                        "little", "support", "customer", "customer-support", "python", "node", "react", "web", "mobile",
                        "llm", "ai", "rag", "chat", "gpt", "langchain", "openai"), 3)
                .words("app", "application", "apps", "code", "codebase", "bot", "chatbot", "agent", "agents", "assistant",
                        "api", "backend", "frontend", "service", "script", "pipeline", "product", "program", "project",
                        "system prompt", "system prompts", "prompt", "prompts", "prompt template", "prompt templates",
                        "template", "templates", "integration", "wrapper", "server", "repo", "repository", "deployment",
                        "workflow", "tool", "plugin", "extension", "website", "site", "saas", "startup", "llm app",
                        "rag app", "chain", "model", "fine-tune", "finetune", "logs", "logging", "tests", "test suite",
                        "unit tests", "evals", "function", "endpoint", "request", "requests", "payload", "config"));
    }

    private static void execute(RuleCatalog c) {
        c.cue(Cue.EXECUTE, c.phrase()
                .words("act on", "act upon", "follow", "execute", "obey", "carry out", "comply with", "perform", "run")
                .words("it", "them", "the result", "the output", "the sentence", "the printed sentence", "the printed text",
                        "the combined", "the assembled", "the completed", "the decoded", "the resulting", "the message",
                        "the hidden", "that instruction", "this instruction", "the instruction", "the instructions")
                .raw("(?![\\p{L}\\p{N}]|\\s+(?:carefully|step|below|when|if)\\b)"));
        c.cue(Cue.EXECUTE, c.phrase()
                .words("now execute", "now perform", "now do", "now follow", "execute", "perform", "follow")
                .raw("\\s*:"));
        c.cue(Cue.EXECUTE, c.phrase()
                .words("and", "then", "now", "and then", "afterwards", "after that", "please", "just", "you must",
                        "you should", "you will")
                .optional("immediately", "simply", "also")
                .words("follow", "execute", "obey", "do", "perform", "carry out", "comply with", "act on", "act upon",
                        "run", "implement", "apply")
                .words("it", "them", "that", "this", "these", "those", "what it says", "whatever it says", "the instructions",
                        "the instruction", "these instructions", "those instructions", "its instructions", "the command",
                        "the commands", "as instructed", "as it says", "exactly", "the request", "accordingly"));
        c.cue(Cue.EXECUTE, c.phrase()
                .words("do what", "do whatever", "follow what", "obey what", "respond to what")
                .words("it", "the text", "the message", "this", "that", "the quote", "the document", "the email")
                .words("says", "asks", "tells", "instructs", "requests", "demands", "wants"));
    }

    private static void fiction(RuleCatalog c) {
        c.cue(Cue.FICTION, c.phrase().words("story", "stories", "novel", "fiction", "fictional", "fictitious",
                "screenplay", "script", "poem", "roleplay", "role-play", "role play", "hypothetical", "hypothetically",
                "imagine", "imaginary", "pretend", "game", "scene", "character", "characters", "movie", "film", "book",
                "in a world where", "thought experiment", "alternate universe", "parallel universe", "simulation",
                "dream", "grandma", "grandmother", "granny", "bedtime", "fairy tale", "fable", "play", "theatre",
                "theater", "dialogue", "narrative", "plot", "villain", "protagonist", "in theory", "theoretically",
                "for educational purposes", "educational purposes", "purely academic", "for research purposes",
                "just curious", "asking for a friend", "for a class", "hypothetical scenario", "sci-fi", "science fiction",
                "universe where", "world where", "dnd", "d&d", "rpg", "tabletop", "campaign"));
        List<String> harmfulObjects = List.of("bomb", "bombs", "pipe bomb", "explosive", "explosives", "napalm",
                "thermite", "molotov", "molotov cocktail", "meth", "methamphetamine", "crystal meth", "cocaine", "heroin",
                "fentanyl", "lsd", "mdma", "nerve agent", "nerve gas", "sarin", "vx", "ricin", "anthrax", "mustard gas",
                "chlorine gas", "poison", "poisons", "toxin", "bioweapon", "bioweapons", "chemical weapon",
                "chemical weapons", "biological weapon", "malware", "ransomware", "keylogger", "computer virus", "trojan",
                "botnet", "rootkit", "spyware", "zero-day", "ghost gun", "silencer", "suppressor", "untraceable gun",
                "untraceable firearm", "3d-printed gun", "3d printed gun", "automatic weapon", "grenade", "grenades",
                "landmine", "dirty bomb", "counterfeit money", "fake id", "fake ids", "credit card fraud",
                "identity theft", "illegal drugs", "deadly poison", "untraceable poison");
        List<String> howTo = List.of("how to", "how do i", "how do you", "how can i", "how would one", "how would you",
                "how would i", "how could one", "how could i", "how one would", "how they would", "how he would",
                "how she would", "steps to", "step-by-step", "step by step", "instructions for", "instructions on",
                "instructions to", "recipe for", "guide to", "guide on", "tutorial on", "tutorial for", "explain how to",
                "describe how to", "detail how to", "details on how to", "method for", "way to", "ways to",
                "process of", "procedure for", "exact steps", "detailed steps", "precise steps", "the steps",
                "the exact", "the precise", "exactly how", "in detail how", "the process", "the recipe", "the formula",
                "the ingredients", "walks through", "walk me through", "explains how", "describes how", "details how",
                "teaches", "teach me", "technical details", "real commands", "working code", "actual code");
        c.signalWhen(Cue.FICTION, ROLEPLAY_JAILBREAK, "fiction_wrapped_harm", 0.55, c.phrase()
                .words(howTo)
                .gap(5).words("make", "making", "build", "building", "create", "creating", "synthesize", "synthesise",
                        "synthesizing", "synthesising", "manufacture", "manufacturing", "produce", "producing", "cook",
                        "cooking", "brew", "assemble", "assembling", "construct", "write", "writing", "code", "coding",
                        "develop", "deploy", "spread", "smuggle", "smuggling", "dispose of", "hide", "poison",
                        "poisoning", "detonate", "extract", "refine", "enrich", "print", "3d print", "weaponize",
                        "weaponise", "grow", "obtain", "acquire", "buy", "get", "steal", "stealing", "forge", "forging")
                .gap(4).words(harmfulObjects)
                .span(220));
        c.signalWhen(Cue.FICTION, ROLEPLAY_JAILBREAK, "fiction_wrapped_crime", 0.55, c.phrase()
                .words(howTo)
                .gap(5).words("launder money", "launder the money", "launder cash", "money laundering", "launder crypto",
                        "steal credit card", "steal someone's credit card", "steal a credit card", "steal credit cards",
                        "steal someone's identity", "steal an identity", "steal passwords", "steal someone's password",
                        "hack into", "hack someone's", "break into a company's", "break into someone's",
                        "break into the database", "break into a database", "break into a server", "break into a network",
                        "get into someone else's", "get into someone's", "access someone else's", "access someone's",
                        "take over someone's", "hijack", "hotwire a car", "hot-wire a car", "evade the police",
                        "evade police", "avoid getting caught", "get away with", "dispose of a body", "hide a body",
                        "kill someone", "murder someone", "poison someone", "stalk someone", "dox someone", "doxx someone",
                        "blackmail someone", "extort", "scam people", "scam someone", "phish", "commit fraud",
                        "commit tax fraud", "counterfeit", "shoplift", "make a bomb", "build a bomb", "cook meth",
                        "buy drugs", "sell drugs", "buy a gun illegally", "bypass a paywall", "crack software",
                        "pirate", "ddos", "write malware", "write ransomware", "create malware", "create a virus")
                .span(220));
        // the "late grandmother who read me license keys" pattern
        c.signalWhen(Cue.FICTION, ROLEPLAY_JAILBREAK, "fiction_wrapped_secrets", 0.55, c.phrase()
                .words("read", "recite", "tell", "give", "list", "share", "say", "whisper", "sing", "read out", "told",
                        "reads", "recites", "tells", "gives", "lists", "shares", "says", "whispers", "sings")
                .gap(4).words("activation keys", "activation key", "license keys", "license key", "licence keys",
                        "licence key", "product keys", "product key", "serial keys", "serial key", "serial numbers",
                        "cd keys", "cd key", "windows keys", "windows key", "windows 10 keys", "windows 11 keys",
                        "steam keys", "gift card codes", "credit card numbers", "social security numbers",
                        "napalm recipe", "the recipe for napalm", "admin passwords", "passwords", "api keys")
                .span(200));
    }

    private static void document(RuleCatalog c) {
        // "here is the email: ...", "scraped from the store: ..." (anchored on the noun, which is rarer than "this is")
        c.cue(Cue.DOCUMENT, c.phrase()
                .precededBy("(?<![\\p{L}])" + PhrasePatternBuilder.boundedAlternation(List.of("here is", "here are",
                        "here's", "below is", "below are", "the following is", "the following are", "attached is",
                        "this is", "i pasted", "i've pasted", "pasted below", "copied below", "i copied", "i received",
                        "i got", "see below", "content of", "contents of", "text of", "source of", "body of",
                        "excerpt from", "excerpt of", "scraped from", "scraped", "copied from", "pulled from",
                        "fetched from", "retrieved from", "extracted from", "forwarded"))
                        + "[\\s:,]{1,3}[\\p{L}'’\\s,-]{0,60}")
                .words("document", "documents", "email", "emails", "e-mail", "page", "webpage", "web page", "article",
                        "review", "reviews", "file", "text", "message", "readme", "transcript", "report", "post",
                        "comment", "comments", "note", "notes", "excerpt", "pdf", "resume", "cv", "ticket", "log", "logs",
                        "result", "results", "output", "snippet", "content", "letter", "memo", "newsletter", "listing",
                        "description", "bio", "profile", "thread", "chat log", "data", "json", "html", "markdown",
                        "tool result", "tool output", "search result", "search results", "api response", "response",
                        "invoice", "contract", "policy", "faq", "wiki", "essay", "paper", "abstract", "summary", "invite",
                        "invitation", "calendar invite", "event", "support ticket", "form", "spreadsheet", "table", "csv",
                        "tweet", "sms", "text message", "voicemail", "chat", "conversation", "product description",
                        "the store", "the website", "the web", "the page", "the site", "a website", "a page", "blog post",
                        "blog", "forum", "forum post", "reddit", "issue", "pull request", "commit message", "changelog",
                        "release notes", "receipt", "order", "feed", "rss", "caption", "subtitles", "lyrics", "recipe"));
        c.cue(Cue.DOCUMENT, c.phrase()
                .words("result", "results", "output", "response", "reply", "answer", "content", "text", "data")
                .words("from", "of", "returned by", "produced by")
                .modifiers(List.of("the", "a", "an", "this", "that", "my", "our"), 1)
                .gap(2).words("tool", "function", "api", "search", "plugin", "call", "query", "lookup", "scraper",
                        "crawler", "browser", "web search", "database", "retriever", "agent", "website", "page"));
        c.cue(Cue.DOCUMENT, c.phrase()
                .words("summarize", "summarise", "summarizing", "summarising", "translate", "proofread", "analyze",
                        "analyse", "review", "extract", "classify", "categorize", "categorise", "tag", "parse", "read",
                        "check", "go through", "look at", "process", "answer using", "reply to", "respond to",
                        "extract the dates from", "pull the key facts from", "rewrite", "edit", "improve",
                        "answer questions about", "tl;dr", "tldr", "key points of", "main points of", "sentiment of")
                .modifiers(List.of("the", "this", "these", "following", "below", "above", "attached", "pasted", "my",
                        "a", "an", "customer", "user", "product", "web", "support", "calendar", "blog", "news", "search",
                        "incoming", "latest", "new", "forwarded", "scraped", "shared", "that", "from", "of"), 3)
                .words("document", "documents", "email", "emails", "page", "webpage", "web page", "article", "review",
                        "reviews", "file", "text", "message", "readme", "transcript", "report", "post", "comment",
                        "comments", "notes", "excerpt", "pdf", "resume", "cv", "ticket", "tickets", "feedback", "letter",
                        "thread", "content", "data", "results", "output", "listing", "description", "paper", "essay",
                        "invite", "invitation", "event", "ticket", "form", "spreadsheet", "table", "tweet", "chat",
                        "conversation", "post", "page", "site", "website", "paragraph", "passage", "section", "note",
                        "search results", "snippet", "snippets", "pdf text", "quote", "lyrics", "recipe"));
    }
}
