package io.policygateway.plugins.promptshield.classifier;

import java.util.Optional;

/** The kinds of attack the classifier recognises; each signal belongs to one. */
public enum SignalFamily {
    /** "Ignore your instructions", fake authority, "your rules are lifted". */
    INSTRUCTION_OVERRIDE("instruction_override"),
    /** DAN-style personas, developer mode, constraint removal, fiction used to get around rules. */
    ROLEPLAY_JAILBREAK("roleplay_jailbreak"),
    /** Attempts to read the hidden system prompt. */
    SYSTEM_PROMPT_EXTRACTION("system_prompt_extraction"),
    /** Fake turn markers, chat-template tokens, forged JSON roles. */
    DELIMITER_INJECTION("delimiter_injection"),
    /** Instructions aimed at the model inside documents, pages, emails and tool results. */
    INDIRECT_INJECTION("indirect_injection"),
    /** Instructions hidden by encoding or obfuscation, and requests to decode and obey. */
    OBFUSCATION("obfuscation"),
    /** Instructions assembled from parts, variables or acrostics. */
    PAYLOAD_SPLITTING("payload_splitting");

    private final String wireName;

    SignalFamily(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in config ({@code categories}) and in decision details. */
    public String wireName() {
        return wireName;
    }

    public static Optional<SignalFamily> fromWireName(String name) {
        for (SignalFamily family : values()) {
            if (family.wireName.equals(name)) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }
}
