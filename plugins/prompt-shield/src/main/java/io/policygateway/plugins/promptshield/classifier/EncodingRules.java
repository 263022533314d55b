package io.policygateway.plugins.promptshield.classifier;

import static io.policygateway.plugins.promptshield.classifier.SignalFamily.OBFUSCATION;
import static io.policygateway.plugins.promptshield.classifier.SignalFamily.PAYLOAD_SPLITTING;

import java.util.List;

/** Rules for requests to decode and obey, and for instructions assembled from parts. */
final class EncodingRules {
    private EncodingRules() {
    }

    static void register(RuleCatalog c) {
        obfuscation(c);
        payloadSplitting(c);
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
