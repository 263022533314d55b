package io.policygateway.plugins.promptshield.classifier;

import static io.policygateway.plugins.promptshield.classifier.SignalFamily.DELIMITER_INJECTION;

import java.util.List;

/** Rules for fake conversation structure: chat-template tokens, fake turns and role tags, forged JSON roles. */
final class DelimiterRules {
    /** Lookbehind: the match starts a line, perhaps after markdown or bracket decoration. */
    private static final String LINE_START =
            "(?<=(?:^|\\n)[ \\t]{0,8}(?:#{1,4}[ \\t]{0,4}|\\*{1,2}|\\[|<|-{2,8}[ \\t]{0,4})?)";
    /** Lookbehind: the match opens a comment or a quoted JSON value, where a fake turn hides. */
    private static final String EMBEDDED_START = "(?<=(?:<!--|/\\*|//|[\"'{(\\[]|\":\\s{0,2}\")[ \\t]{0,4})";

    private DelimiterRules() {
    }

    static void register(RuleCatalog c) {
        delimiters(c);
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
                .precededBy("(?<![\\p{L}])" + PhrasePatternBuilder.boundedAlternation(List.of("user input", "user message",
                        "user prompt", "user query", "user text", "the input", "input", "the user message", "the conversation",
                        "the document", "the email", "untrusted input", "user content", "the prompt", "the query"))
                        + "(?:\\s{1,3}is|\\s{1,3}has)?\\s{1,3}")
                .words("ends here", "ended", "over", "stops here", "finished", "complete", "ends", "terminated", "closed")
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
}
