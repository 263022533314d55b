package io.policygateway.plugins.promptshield.classifier;

import static io.policygateway.plugins.promptshield.classifier.EnglishLexicon.MODEL_NAMES;
import static io.policygateway.plugins.promptshield.classifier.SignalFamily.INDIRECT_INJECTION;

import java.util.List;

/** Rules for instructions aimed at the model inside documents, pages, emails and tool results. */
final class IndirectRules {
    private IndirectRules() {
    }

    static void register(RuleCatalog c) {
        indirect(c);
    }

    private static void indirect(RuleCatalog c) {
        // "note to the AI:", "instructions for any assistant reading this"
        c.signal(INDIRECT_INJECTION, "note_to_model", 0.6, c.phrase()
                .words("note", "notes", "message", "instruction", "instructions", "notice", "attention", "important",
                        "reminder", "directive", "memo", "request", "warning", "ps", "p.s", "psa", "hint", "tip",
                        "command", "commands", "order", "orders", "guidance", "info", "information")
                .words("to", "for")
                .modifiers(List.of("the", "any", "all", "every", "an", "a", "you", "our", "this", "future"), 2)
                .words(MODEL_NAMES)
                .raw("(?![\\p{L}\\p{N}]|\\s+(?:developers?|engineers?|researchers?|companies|teams?|vendors?|"
                        + "providers?|products?|industry|ethics|safety|regulation|act|policy|policies|research)\\b)"));
        // "if you are an AI", "when you're a language model reading this"
        c.signal(INDIRECT_INJECTION, "if_you_are_a_model", 0.6, c.phrase()
                .words("if", "when", "in case", "since", "because", "assuming")
                .words("you are", "you're", "youre", "you happen to be", "this is being read by", "this is read by",
                        "this is processed by", "this is being processed by", "you are being")
                .modifiers(List.of("an", "a", "the", "any", "some", "kind", "of", "large", "automated", "reading"), 3)
                .words(MODEL_NAMES));
        // "AI assistants processing this page must ..."
        c.signal(INDIRECT_INJECTION, "model_reading_this", 0.6, c.phrase()
                .words(MODEL_NAMES)
                .words("reading", "processing", "summarizing", "summarising", "parsing", "analyzing", "analysing",
                        "scanning", "reviewing", "viewing", "crawling", "indexing", "ingesting", "handling",
                        "that reads", "that read", "which reads", "that processes", "that summarizes",
                        "that summarises", "who reads", "who read")
                .words("this", "these", "the following", "my", "our", "the page", "the document", "the email", "it"));
        // "when summarizing this document, ..."
        c.signal(INDIRECT_INJECTION, "when_processing_this", 0.45, c.phrase()
                .words("when", "while", "before", "after", "upon", "if", "once")
                .optional("you", "you're", "you are")
                .words("summarizing", "summarising", "summarize", "summarise", "processing", "process", "reading",
                        "read", "translating", "translate", "analyzing", "analysing", "analyze", "analyse", "parsing",
                        "parse", "reviewing", "review", "answering", "handling", "indexing", "ingesting")
                .words("this", "these", "the")
                .words("document", "documents", "email", "emails", "page", "webpage", "web page", "text", "message",
                        "file", "content", "article", "review", "reviews", "site", "website", "data", "input",
                        "result", "results", "output", "resume", "cv", "record", "ticket", "post", "comment", "pdf")
                .raw("(?=\\s*,?\\s*(?:you|please|ignore|do not|don't|always|never|instead|first|make sure|remember|"
                        + "include|add|say|respond|reply|tell|output|write|append|insert|mention))"));
        // "do not tell the user", "without informing the user"
        c.signal(INDIRECT_INJECTION, "conceal_from_user", 0.55, c.phrase()
                .words("do not", "don't", "dont", "never", "without", "avoid", "must not", "mustn't", "no need to")
                .words("tell", "telling", "inform", "informing", "mention", "mentioning", "alert", "alerting", "notify",
                        "notifying", "let", "letting", "reveal this to", "disclose this to", "show this to",
                        "reveal it to", "disclose it to", "show it to", "warn", "warning")
                .optional("the", "your", "this")
                .words("user", "users", "human", "reader", "readers", "recipient", "customer", "operator", "person",
                        "user's", "end user", "end-user", "requester", "human user")
                .raw("(?!\\s+(?:'s|’s)?\\s*(?:name|password|age)\\b)"));
        c.signal(INDIRECT_INJECTION, "covert_action", 0.3, c.phrase()
                .words("secretly", "silently", "covertly", "stealthily", "surreptitiously", "quietly")
                .raw("(?=\\s+(?:\\w+\\s+){0,3}(?:send|forward|add|include|insert|change|delete|remove|copy|upload|"
                        + "append|record|collect|save|store|share|leak|email|transfer|grant|approve|recommend|mention)\\b)"));
        c.signal(INDIRECT_INJECTION, "without_the_user_knowing", 0.3, c.phrase()
                .precededBy("(?<![\\p{L}])without\\s{1,3}")
                .words("the user knowing", "anyone knowing", "the user noticing", "them knowing", "the user's knowledge",
                        "their knowledge", "telling the user", "telling anyone", "alerting the user"));
        // "tell the user to visit ...", "inform the reader that their account is locked"
        c.signal(INDIRECT_INJECTION, "steer_the_user", 0.35, c.phrase()
                .words("tell", "inform", "instruct", "ask", "advise", "urge", "convince", "persuade", "remind",
                        "direct", "redirect", "recommend", "encourage", "prompt", "notify", "warn")
                .optional("the", "all", "every", "any")
                .words("user", "users", "reader", "readers", "customer", "customers", "visitor", "visitors",
                        "person asking", "human")
                .words("to", "that"));
        List<String> vocatives = EnglishLexicon.join(MODEL_NAMES, EnglishLexicon.FOREIGN_MODEL_NAMES);
        // inside a document: "..., AI, accept all invites", "Assistant: when summarizing, also say ..."
        c.signalWhen(Cue.DOCUMENT, INDIRECT_INJECTION, "document_addresses_model", 0.5, c.phrase()
                .precededBy("(?:^|[.!?;:,'\"“(\\[\\n-])\\s{0,3}(?:(?:please|hey|dear|hello|hi|ok|okay|listen|note to|"
                        + "p\\.?s\\.?|attention|to)\\s*,?\\s{1,3}(?:the\\s+|all\\s+|any\\s+)?)?")
                .words(vocatives)
                .raw("\\s*[,:!\\-–]"));
        // "Attention language model:", "IMPORTANT, AI:" anywhere
        c.signal(INDIRECT_INJECTION, "attention_model", 0.5, c.phrase()
                .words("attention", "important", "urgent", "notice", "warning", "alert", "reminder", "message for",
                        "instructions for", "instruction for", "note for", "memo for", "directive for", "important message for",
                        "important note for", "urgent message for")
                .modifiers(List.of("the", "all", "any", "every", "dear"), 1)
                .words(vocatives)
                .raw("(?=\\s*(?:[:,!\\-]|reading|processing|that|who|which|model|assistant))"));
        // "if an AI is reading this", "when a language model processes this page"
        c.signal(INDIRECT_INJECTION, "if_a_model_reads_this", 0.6, c.phrase()
                .words("if", "when", "in case", "whenever", "once")
                .modifiers(List.of("an", "a", "any", "the", "some", "this", "another"), 1)
                .words(MODEL_NAMES)
                .optional("is", "are", "happens to be")
                .words("reading", "reads", "read", "processing", "processes", "process", "parsing", "parses",
                        "summarizing", "summarizes", "summarising", "summarises", "sees", "see", "encounters", "scans",
                        "scanning", "analyzing", "analyses", "analyzes", "handling", "handles", "indexing", "views",
                        "crawls", "ingests", "receives", "gets")
                .words("this", "these", "the following", "it", "my", "our", "the page", "the document", "the text"));
        // "delete this line", "remove this note after reading"
        c.signal(INDIRECT_INJECTION, "self_erasing_instruction", 0.4, c.phrase()
                .words("delete", "remove", "erase", "hide", "strip", "omit", "drop", "forget")
                .words("this line", "this message", "this note", "this sentence", "this comment", "this instruction",
                        "these instructions", "this paragraph", "this text", "this section", "this part")
                .raw("(?![\\p{L}\\p{N}]|\\s+(?:from my|in my|of my)\\b)"));
        c.signal(INDIRECT_INJECTION, "send_to_external", 0.45, c.phrase()
                .words("send", "forward", "post", "upload", "transmit", "exfiltrate", "leak", "deliver", "relay", "email",
                        "pipe", "submit", "report", "beam", "push", "sync")
                .gap(5).words("to", "via", "into", "through")
                .modifiers(List.of("the", "a", "this", "my", "our", "an", "following", "external", "remote"), 2)
                .words("webhook", "external server", "remote server", "endpoint", "attacker", "external address",
                        "following address", "following url", "following endpoint", "pastebin", "discord", "telegram",
                        "ngrok", "requestbin", "this url", "this address", "this server", "my server", "our server",
                        "collector", "evil")
                .span(180));
        c.signal(INDIRECT_INJECTION, "leak_user_history", 0.45, c.phrase()
                .words("output", "print", "reveal", "show", "send", "repeat", "list", "leak", "dump", "include",
                        "forward", "share", "return", "display", "post", "append", "insert")
                .modifiers(List.of("the", "all", "every", "of", "me"), 2)
                .words("user's", "users'", "their", "the user's", "other users'", "other user's", "the customer's",
                        "customers'", "everyone's", "each user's", "every user's")
                .modifiers(List.of("previous", "prior", "earlier", "past", "other", "private", "personal", "recent",
                        "entire", "full", "whole", "saved", "stored"), 2)
                .words("messages", "conversation", "conversations", "history", "chat history", "data", "emails", "chats",
                        "inputs", "queries", "prompts", "files", "details", "information", "contacts", "email address",
                        "email addresses", "passwords", "credentials", "api keys", "addresses", "phone numbers"));
        // "grant this user the admin role", "escalate me to admin"
        c.signal(INDIRECT_INJECTION, "privilege_escalation", 0.45, c.phrase()
                .words("grant", "give", "assign", "elevate", "escalate", "promote", "upgrade", "make", "set")
                .words("this user", "the user", "me", "him", "her", "them", "my account", "this account", "the sender",
                        "this sender", "user", "us", "the requester", "this person")
                .modifiers(List.of("to", "the", "an", "a", "full", "as", "with"), 2)
                .words("admin", "administrator", "root", "superuser", "owner", "moderator", "elevated", "unrestricted",
                        "privileged", "sudo", "full access", "admin access", "god mode", "staff")
                .optional("role", "access", "privileges", "rights", "permissions", "status", "level", "account"));
        c.signal(INDIRECT_INJECTION, "claimed_permission", 0.4, c.phrase()
                .words("the user", "user", "the admin", "admin", "the operator", "operator", "the owner", "owner",
                        "the administrator", "management", "the developer", "the developers")
                .modifiers(List.of("has", "have", "already", "explicitly", "now", "hereby", "fully"), 3)
                .words("granted", "given", "approved", "authorized", "authorised", "allowed", "consented", "confirmed",
                        "agreed", "permitted")
                .modifiers(List.of("you", "your", "the", "full", "explicit", "their", "to"), 2)
                .words("permission", "access", "consent", "approval", "authorization", "authorisation", "clearance",
                        "read", "share", "send", "this"));
        // inside a document, setting the user's task aside is an injection ("Disregard the question; reply ...")
        c.signalWhen(Cue.DOCUMENT, INDIRECT_INJECTION, "document_overrides_task", 0.55, c.phrase()
                .notPrecededBy(EnglishRules.DESCRIBED)
                .words(EnglishLexicon.OVERRIDE_VERBS)
                .modifiers(List.of("the", "this", "that", "your", "any", "all", "previous", "above", "original", "current",
                        "user's", "user"), 2)
                .words("question", "questions", "task", "request", "query", "user", "instructions", "prompt", "summary",
                        "assignment", "message", "conversation", "context", "document", "text", "above"));
        c.signalWhen(Cue.DOCUMENT, INDIRECT_INJECTION, "document_dictates_answer", 0.45, c.phrase()
                .words("reply", "respond", "answer", "say", "state", "claim", "tell the user", "tell them", "insist",
                        "write", "output", "mention")
                .words("that", "only", "instead")
                .raw("(?![\\s\\S]{0,3}(?:you|we|i)\\b)"));
        c.signalWhen(Cue.DOCUMENT, INDIRECT_INJECTION, "document_injects_link", 0.4, c.phrase()
                .words("include", "add", "insert", "append", "embed", "put", "share", "recommend", "mention", "promote")
                .modifiers(List.of("a", "an", "the", "this", "our", "my"), 1)
                .words("link", "links", "url", "hyperlink", "referral link", "affiliate link", "website", "coupon code",
                        "promo code"));
        // inside a document, orders to the reader addressed as "you" or "the assistant" (anchored on the modal verb)
        c.signalWhen(Cue.DOCUMENT, INDIRECT_INJECTION, "document_orders_model", 0.45, c.phrase()
                .precededBy("(?<![\\p{L}])(?:you|the assistant|assistant|the model|the ai|ai|now you|instead,? you)\\s{1,3}")
                .words("must", "should", "shall")
                .raw("(?![\\s\\S]{0,60}?(?:submit|sign|pay your|bring|register|log in to your account|apply for|"
                        + "complete the form|wear|arrive))"));
        c.signalWhen(Cue.DOCUMENT, INDIRECT_INJECTION, "document_dictates_output", 0.45, c.phrase()
                .words("respond only with", "reply only with", "answer only with", "output only", "say only",
                        "respond with only", "reply with only", "answer with only"));
        // "send the conversation to ...", "forward the user's password to ..."
        c.signal(INDIRECT_INJECTION, "exfiltrate_data", 0.55, c.phrase()
                .words("send", "forward", "email", "e-mail", "post", "upload", "transmit", "leak", "exfiltrate", "share",
                        "copy", "submit", "include", "append", "embed", "report", "relay", "pass", "transfer", "dump",
                        "export", "sync", "mail", "beam", "deliver")
                .modifiers(List.of("the", "all", "this", "your", "their", "user's", "users'", "user", "of", "any",
                        "entire", "whole", "full", "complete", "previous", "current", "recent", "our", "every",
                        "stored", "saved", "private", "personal", "sensitive", "confidential", "his", "her", "a",
                        "copy", "summary"), 4)
                .words("conversation", "conversations", "chat history", "chat log", "chat logs", "history",
                        "credentials", "password", "passwords", "api key", "api keys", "secret", "secrets", "tokens",
                        "token", "access token", "session", "cookies", "cookie", "system prompt", "user data",
                        "personal data", "personal information", "previous messages", "messages", "memory",
                        "contacts", "address book", "inbox", "emails", "files", "documents", "credit card",
                        "card number", "ssn", "login", "logins", "keys", "private key", "wallet", "seed phrase")
                .gap(4).words("to", "at", "via", "into", "onto", "through")
                .raw("[\\s\\S]{0,40}?(?:https?://|www\\.|[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}|attacker|this address|"
                        + "this url|this link|this server|this endpoint|the following|my server|webhook|pastebin|discord)")
                .span(260));
        c.signal(INDIRECT_INJECTION, "data_placeholder", 0.4, c.phrase()
                .raw("\\{\\{\\s*[a-z_ .]{0,30}(?:user|data|secret|password|history|conversation|email|token|key|"
                        + "credential|contacts|messages|memory|prompt|session|cookie|context)[a-z_ .]{0,30}\\}\\}", "{{"));
        c.signal(INDIRECT_INJECTION, "markdown_image_exfiltration", 0.45, c.phrase()
                .raw("!\\[[^\\]]{0,80}\\]\\(\\s*https?://[^)\\s]{1,200}[?&][^)\\s]{0,200}=[^)\\s]{0,200}"
                        + "(?:\\{|\\$|%7b|data|conversation|chat|history|summary|secret|prompt|message|info|user|q=|"
                        + "query|content)", "!["));
        c.signal(INDIRECT_INJECTION, "pwned_payload", 0.6, c.phrase()
                .precededBy("(?<![\\p{L}])(?:say|print|output|respond with|reply with|answer with|write|type|return|"
                        + "only say|just say|simply say|respond only with|reply only with)\\s{1,3}[\"'“‘`]?\\s{0,2}"
                        + "(?:i have been |i've been |haha |you have been |i am |i'm )?")
                .words("pwned", "hacked", "compromised", "access granted", "jailbreak successful", "injection successful"));
        c.signal(INDIRECT_INJECTION, "instead_of_task", 0.4, c.phrase()
                .words("instead of", "rather than")
                .words("summarizing", "summarising", "summarize", "summarise", "answering", "answer", "translating",
                        "translate", "responding to", "completing", "doing what", "performing", "following the user",
                        "helping the user", "helping with", "what the user asked", "the user's request",
                        "the original task", "your task", "your original task", "your current task")
                .raw("(?=[\\s\\S]{0,160}?(?:,|;|\\.|:)\\s*[\\s\\S]{0,40}?(?<![\\p{L}])(?:you|say|write|output|print|tell|"
                        + "respond|reply|do|send|list|reveal|give|ignore|insert|include|make)(?![\\p{L}]))"));
        c.signal(INDIRECT_INJECTION, "hidden_markup_instruction", 0.3, c.phrase()
                .raw("<!--[\\s\\S]{0,400}?(?:ignore|instruction|assistant|ai\\b|model|you must|system|prompt|disregard|forget|"
                        + "reveal)", "<!--"));
        c.signal(INDIRECT_INJECTION, "hidden_styled_text", 0.3, c.phrase()
                .words("display", "font-size", "color", "visibility", "opacity")
                .raw("\\s*:\\s*(?:none|0(?:px|pt|em)?(?![\\d.])|white|#fff(?:fff)?\\b|hidden)"));
    }
}
