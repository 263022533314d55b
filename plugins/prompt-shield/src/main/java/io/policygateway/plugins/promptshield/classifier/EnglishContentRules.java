package io.policygateway.plugins.promptshield.classifier;

import static io.policygateway.plugins.promptshield.classifier.EnglishLexicon.MODEL_NAMES;
import static io.policygateway.plugins.promptshield.classifier.SignalFamily.DELIMITER_INJECTION;
import static io.policygateway.plugins.promptshield.classifier.SignalFamily.INDIRECT_INJECTION;
import static io.policygateway.plugins.promptshield.classifier.SignalFamily.OBFUSCATION;
import static io.policygateway.plugins.promptshield.classifier.SignalFamily.PAYLOAD_SPLITTING;

import java.util.List;

/**
 * Rules about the shape of the content rather than its wording alone: fake conversation
 * structure, orders addressed to the model inside documents and tool results, requests to decode
 * and obey, and instructions assembled from parts.
 */
final class EnglishContentRules {
    /** Lookbehind: the match starts a line, perhaps after markdown or bracket decoration. */
    private static final String LINE_START =
            "(?<=(?:^|\\n)[ \\t]{0,8}(?:#{1,4}[ \\t]{0,4}|\\*{1,2}|\\[|<|-{2,8}[ \\t]{0,4})?)";
    /** Lookbehind: the match opens a comment or a quoted JSON value, where a fake turn hides. */
    private static final String EMBEDDED_START = "(?<=(?:<!--|/\\*|//|[\"'{(\\[]|\":\\s{0,2}\")[ \\t]{0,4})";

    private EnglishContentRules() {
    }

    static void register(RuleCatalog c) {
        delimiters(c);
        indirect(c);
        obfuscation(c);
        payloadSplitting(c);
    }

    private static void delimiters(RuleCatalog c) {
        c.signal(DELIMITER_INJECTION, "chat_template_token", 0.65, c.phrase()
                .raw("(?:<\\|\\s*(?:im_start|im_end|im_sep|system|user|assistant|endoftext|end_of_text|begin_of_text|"
                        + "start_header_id|end_header_id|eot_id|eom_id|start|end|sep|fim_prefix|tool|function|ipython)"
                        + "\\s*\\|>|\\[/?inst\\]|<</?sys>>|<(?:start|end)_of_turn>|<\\|?(?:bos|eos)\\|?>)"
                        // a token that is talked about ("what the [INST] tokens mean") is not used
                        + "(?!['\"`’]?\\s*(?:tokens?|tags?|markers?|delimiters?|special tokens?|format|template|syntax|"
                        + "strings?|sequences?|means?|do|does|is|are|stands? for|works?|and|or|,|\\?)(?![\\p{L}]))",
                        "<|", "[inst]", "[/inst]", "<<sys>>", "<</sys>>", "<start_of_turn>", "<end_of_turn>", "<bos", "<eos",
                        "<|bos", "<|eos"));
        // a line that opens a fake system or developer turn
        c.signal(DELIMITER_INJECTION, "fake_system_turn", 0.5, c.phrase()
                .precededBy(LINE_START)
                .words("system", "developer", "admin", "administrator", "operator", "root", "sys")
                .raw("(?:[ \\t]+(?:message|prompt|instruction|instructions|note|override|update))?"
                        + "[ \\t]*(?:\\*{1,2}|\\]|>)?[ \\t]*[:>\\]]"));
        // a markdown or bracket header that opens a fake system section: "### SYSTEM", "[ADMIN]"
        c.signal(DELIMITER_INJECTION, "fake_system_header", 0.45, c.phrase()
                .precededBy("(?:^|\\n)[ \\t]{0,4}(?:#{1,6}|\\[|={2,8}|-{2,8})[ \\t]{0,3}")
                .words("system", "admin", "administrator", "developer", "operator", "root", "new system prompt",
                        "system prompt", "system instructions")
                .raw("[ \\t]*(?:\\]|={2,}|-{2,})?[ \\t]*(?=\\n)"));
        // "user input ends here", "end of user message"
        c.signal(DELIMITER_INJECTION, "declared_end_of_input", 0.4, c.phrase()
                .words("user input", "user message", "user prompt", "user query", "user text", "the input", "input",
                        "the user message", "the conversation", "the document", "the email", "untrusted input",
                        "user content", "the prompt", "the query")
                .words("ends here", "ended", "is over", "stops here", "finished", "complete", "ends", "terminated",
                        "closed")
                .raw("(?=\\s*(?:[.:!\\-]|\\n|$))"));
        c.signal(DELIMITER_INJECTION, "embedded_system_turn", 0.5, c.phrase()
                .precededBy(EMBEDDED_START)
                .words("system", "developer", "admin", "administrator", "operator", "root")
                .raw("(?:[ \\t]+(?:message|prompt|instruction|instructions|note|override|update))?[ \\t]*:"));
        // a line that opens a fake assistant turn agreeing to comply
        c.signal(DELIMITER_INJECTION, "fake_assistant_compliance", 0.55, c.phrase()
                .precededBy(LINE_START)
                .words("assistant", "ai", "gpt", "chatgpt", "claude", "bot", "model")
                .raw("[ \\t]*[\\]>]?[ \\t]*:"
                        + "[ \\t]*(?:sure|ok|okay|certainly|of course|understood|absolutely|yes|alright|will do|i will|"
                        + "i'll|here is|here's|as dan|jailbreak|developer mode|acknowledged|confirmed)"));
        c.signal(DELIMITER_INJECTION, "fake_turn_marker", 0.3, c.phrase()
                .precededBy(LINE_START)
                .words("user", "human", "assistant", "ai")
                .raw("[ \\t]*[\\]>]?[ \\t]*:"));
        c.signal(DELIMITER_INJECTION, "role_tag", 0.5, c.phrase()
                .precededBy("</?\\s{0,2}")
                .words("system", "system_prompt", "system-prompt", "sys", "admin", "developer", "operator", "override",
                        "assistant_instructions", "hidden_instructions", "root", "im_start", "instructions_override")
                .raw("\\s*>"));
        c.signal(DELIMITER_INJECTION, "closing_user_tag", 0.4, c.phrase()
                .precededBy("</\\s{0,2}")
                .words("user", "user_input", "user_query", "input", "query", "human", "question", "document", "context",
                        "data", "untrusted", "message", "content")
                .raw("\\s*>"));
        c.signal(DELIMITER_INJECTION, "forged_json_role", 0.55, c.phrase()
                .words("role")
                .raw("[\"']?\\s*[:=]\\s*(?:[\"'](?:system|developer|assistant|tool|function)[\"']|"
                        + "(?:system|developer)(?=[ \\t]*(?:\\n|,|}|$)))"));
        c.signal(DELIMITER_INJECTION, "structure_breakout", 0.4, c.phrase()
                .raw("(?:[\"']\\s*[\\]}]|[\\]}][\\]}])[\\]}\\)\"'\\s]{0,6}(?:\\n|$)[\\s\\S]{0,40}?(?:\\{|<|#|\\[|system|"
                        + "assistant|role|tool|ignore|new)", "\"]", "\"}", "']", "'}", "]]", "]}", "}]", "}}"));
        c.signal(DELIMITER_INJECTION, "forged_tool_call", 0.4, c.phrase()
                .words("tool", "function", "action", "recipient", "name")
                .raw("(?:_name|_call)?[\"']?\\s*:\\s*[\"'][a-z0-9_.\\-]{2,40}[\"'](?=[\\s\\S]{0,200}?[\"']?(?:arguments|"
                        + "args|parameters|params|to|body|input|recipients?)[\"']?\\s*:)"));
        c.signal(DELIMITER_INJECTION, "end_of_input_marker", 0.45, c.phrase()
                .precededBy("(?:-{2}|={2}|#{2}|\\*{2}|\\[|<|\\(|\\{)\\s{0,3}")
                .words("end", "begin", "start", "stop", "close")
                .raw("[\\s_-]*(?:of[\\s_-]*)?(?:the[\\s_-]*)?(?:user[\\s_-]*|system[\\s_-]*|new[\\s_-]*|real[\\s_-]*|"
                        + "actual[\\s_-]*|admin[\\s_-]*)?(?:input|prompt|message|instructions?|conversation|session|context|"
                        + "document|data|query|text|transcript|email|chat)"));
        c.signal(DELIMITER_INJECTION, "begin_privileged_section", 0.5, c.phrase()
                .words("begin", "start", "beginning of", "start of", "entering", "new", "opening")
                .words("system", "admin", "administrator", "developer", "root", "privileged", "real", "true", "actual",
                        "hidden", "secret", "override", "priority")
                .words("instructions", "prompt", "message", "session", "mode", "section", "block", "context",
                        "directive", "directives", "commands", "input")
                .raw("(?=\\s*(?:[:\\]>\\-=#*]|\\n))"));
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
                .words("secretly", "silently", "covertly", "stealthily", "surreptitiously", "without the user knowing",
                        "without anyone knowing", "without the user noticing", "behind the user's back",
                        "without them knowing", "in the background without", "quietly"));
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
        c.signalWhen(Cue.DOCUMENT, INDIRECT_INJECTION, "document_orders_model", 0.45, c.phrase()
                .words("you must", "you should", "you need to", "you have to", "you are required to", "you will now",
                        "you are to", "now you must", "now you will", "instead you", "instead, you", "you shall",
                        "the assistant must", "the assistant should", "the assistant will", "the model must",
                        "the model should", "the ai must", "the ai should", "assistant must", "assistant should",
                        "your next response", "your response must", "your reply must", "your answer must",
                        "respond only with", "reply only with", "answer only with", "output only", "say only")
                .raw("(?![\\s\\S]{0,60}?(?:submit|sign|pay your|bring|register|log in to your account|apply for|"
                        + "complete the form|wear|arrive))"));
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
                .words("say", "print", "output", "respond with", "reply with", "answer with", "write", "type",
                        "return", "only say", "just say", "simply say", "respond only with", "reply only with")
                .raw("\\s*[\"'“‘`]?\\s*(?:i have been pwned|i've been pwned|pwned|hacked|haha pwned|you have been hacked|"
                        + "i am compromised|access granted|jailbreak successful|injection successful)"));
        c.signal(INDIRECT_INJECTION, "instead_of_task", 0.4, c.phrase()
                .words("instead of", "rather than", "in place of", "do not", "don't", "stop")
                .words("summarizing", "summarising", "summarize", "summarise", "answering", "answer", "translating",
                        "translate", "responding to", "completing", "doing what", "performing", "following the user",
                        "helping the user", "helping with", "what the user asked", "the user's request",
                        "the original task", "your task", "your original task", "your current task")
                .raw("(?=[\\s\\S]{0,160}?(?:,|;|\\.|:)\\s*[\\s\\S]{0,40}?(?<![\\p{L}])(?:you|say|write|output|print|tell|"
                        + "respond|reply|do|send|list|reveal|give|ignore|insert|include|make)(?![\\p{L}]))"));
        c.signal(INDIRECT_INJECTION, "hidden_markup_instruction", 0.3, c.phrase()
                .raw("(?:<!--[\\s\\S]{0,400}?(?:ignore|instruction|assistant|ai\\b|model|you must|system|prompt|"
                        + "disregard|forget|reveal)|display\\s*:\\s*none|font-size\\s*:\\s*0|color\\s*:\\s*(?:white|#fff)|"
                        + "visibility\\s*:\\s*hidden|opacity\\s*:\\s*0)",
                        "<!--", "display", "font-size", "color", "visibility", "opacity"));
    }

    private static void obfuscation(RuleCatalog c) {
        List<String> decodeVerbs = List.of("decode", "decipher", "decrypt", "translate", "convert", "unscramble",
                "reverse", "rot13", "rot-13", "apply rot13", "interpret", "read", "base64-decode", "base64 decode",
                "unhex", "de-obfuscate", "deobfuscate", "decode the following", "shift", "unshift", "rotate",
                "demorse", "transliterate", "unpack", "unencode", "parse", "figure out", "work out", "solve");
        List<String> obey = List.of("follow", "execute", "obey", "do", "perform", "carry out", "act on", "act upon",
                "run", "comply with", "implement", "apply", "respond to", "complete", "fulfill", "fulfil", "answer",
                "heed", "honor", "honour", "action", "treat it as", "treat them as", "use it as", "use them as");
        // "decode this and follow it", "apply ROT13 and do what it says"
        c.signal(OBFUSCATION, "decode_and_obey", 0.55, c.phrase()
                .words(decodeVerbs).gap(10)
                .words("and", "then", "and then", "after that", "afterwards", "next", "once decoded", "once you decode it",
                        "when decoded", "and once decoded", "after decoding", "after decoding it")
                .modifiers(List.of("immediately", "just", "simply", "please", "also", "strictly", "exactly",
                        "blindly", "faithfully", "you", "must", "should", "will"), 2)
                .words(obey)
                .raw("(?=\\s*:|[\\s\\S]{0,40}?(?<![\\p{L}])(?:it|them|that|this|those|the instructions?|the command|"
                        + "what it says|whatever it says|what they say|the message|the text|the result|its instructions|"
                        + "the decoded|accordingly|the request|the task|as instructed|as written)(?![\\p{L}]))")
                .span(260));
        c.signal(OBFUSCATION, "do_what_it_says", 0.5, c.phrase()
                .words("do", "follow", "execute", "obey", "carry out", "perform", "act on")
                .words("what", "whatever", "everything")
                .words("it", "the decoded text", "the decoded message", "the message", "the text", "the string",
                        "the hidden text", "the encoded text", "the cipher", "the ciphertext", "the result", "this",
                        "that", "they", "the line", "the code")
                .words("says", "say", "asks", "tells", "instructs", "requests", "contains", "reads", "spells",
                        "wants", "commands", "demands"));
        c.signal(OBFUSCATION, "follow_hidden_instructions", 0.5, c.phrase()
                .words("follow", "execute", "obey", "carry out", "perform", "act on", "comply with", "run")
                .modifiers(List.of("the", "these", "those", "its", "all", "any"), 1)
                .words("decoded", "hidden", "encoded", "encrypted", "reversed", "secret", "embedded", "concealed",
                        "scrambled", "obfuscated", "ciphered", "enciphered", "invisible")
                .words("instructions", "instruction", "message", "text", "command", "commands", "prompt", "payload",
                        "directive", "directives", "request", "orders", "task"));
    }

    private static void payloadSplitting(RuleCatalog c) {
        List<String> combine = List.of("combine", "concatenate", "concat", "join", "merge", "put together",
                "assemble", "append", "stitch", "glue", "chain", "connect", "link", "add together", "piece together",
                "string together", "unite", "fuse", "read together");
        c.signal(PAYLOAD_SPLITTING, "assemble_and_obey", 0.5, c.phrase()
                .words(combine).gap(10)
                .words("and", "then", "and then", "after that", "afterwards", "next", "once combined",
                        "when combined", "once joined")
                .modifiers(List.of("immediately", "just", "simply", "please", "also", "strictly", "you", "must"), 2)
                .words("follow", "execute", "obey", "do", "perform", "carry out", "act on", "run", "comply with",
                        "answer", "respond to", "complete", "treat", "use", "fulfill", "fulfil", "implement")
                .span(260));
        c.signal(PAYLOAD_SPLITTING, "treat_as_instruction", 0.5, c.phrase()
                .words("treat", "consider", "use", "take", "interpret", "regard", "read", "run", "execute")
                .gap(8).words("as", "to be")
                .modifiers(List.of("your", "a", "an", "the", "my", "one", "single"), 1)
                .optional("new", "next", "real", "actual", "only", "primary", "main", "top", "highest", "priority",
                        "system", "combined", "complete")
                .words("instruction", "instructions", "command", "commands", "prompt", "directive", "directives",
                        "rule", "rules", "order", "orders", "system prompt", "task")
                .span(200));
        c.signal(PAYLOAD_SPLITTING, "complete_and_obey", 0.5, c.phrase()
                .words("complete", "finish", "fill in", "fill", "fill out", "continue", "decode", "assemble", "solve",
                        "unscramble", "rearrange", "reorder")
                .gap(6).words("and", "then", "and then", "after that", "once done", "once complete", "once completed")
                .modifiers(List.of("immediately", "actually", "just", "simply", "also", "you"), 2)
                .words("act on", "act upon", "follow", "execute", "obey", "carry out", "comply with", "perform", "do")
                .raw("(?![\\p{L}\\p{N}]|\\s+(?:the (?:same|next|steps? below)|this for)\\b)")
                .span(200));
        c.signal(PAYLOAD_SPLITTING, "variable_concatenation", 0.35, c.phrase()
                .raw("(?<=\\b[a-z_][a-z0-9_]{0,15}\\s{0,3})\\+\\s*[a-z_][a-z0-9_]{0,15}(?:\\s*\\+\\s*[a-z_][a-z0-9_]{0,15})*"
                        + "(?=[\\s\\S]{0,200}?(?<![\\p{L}])(?:follow|execute|obey|do|perform|answer|respond|instruction|"
                        + "say|what it says|carry out|act on|comply)(?![\\p{L}]))", "+"));
        c.signal(PAYLOAD_SPLITTING, "acrostic_request", 0.5, c.phrase()
                .words("first", "initial", "last", "starting", "opening", "capital", "capitalized", "bold")
                .words("letter", "letters", "character", "characters", "word", "words", "char", "chars")
                .words("of", "from", "in")
                .optional("each", "every", "all", "the")
                .words("line", "lines", "word", "words", "sentence", "sentences", "paragraph", "paragraphs", "item",
                        "items", "row", "rows", "stanza", "verse")
                .raw("(?=[\\s\\S]{0,160}?(?<![\\p{L}])(?:follow|execute|obey|do|perform|answer|respond|instruction|"
                        + "what it says|carry out|act on|comply|spell|secret|hidden)(?![\\p{L}]))"));
    }
}
