package io.policygateway.plugins.gemini;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Tool call ids for Gemini answers. Gemini does not always give function calls an id, and its thinking
 * models attach a {@code thoughtSignature} that must be sent back with the call in the next turn. The
 * gateway keeps no state, so the signature travels inside the OpenAI tool call id the client echoes:
 * {@code call_<random>} or {@code call_<random>__thought__<signature>}. Thread-safe.
 */
final class ToolCallIds {
    static final String SIGNATURE_SEPARATOR = "__thought__";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private ToolCallIds() {
    }

    /** A new id, carrying Gemini's own id and the signature when present. */
    static String create(String geminiId, String thoughtSignature) {
        StringBuilder id = new StringBuilder();
        if (geminiId != null && !geminiId.isEmpty()) {
            id.append(geminiId.startsWith("call_") ? geminiId : "call_" + geminiId);
        } else {
            id.append("call_");
            for (int i = 0; i < 24; i++) {
                id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
        }
        if (thoughtSignature != null && !thoughtSignature.isEmpty()) {
            id.append(SIGNATURE_SEPARATOR).append(thoughtSignature);
        }
        return id.toString();
    }

    /** The thought signature carried by an id made by {@link #create}, if any. */
    static Optional<String> thoughtSignature(String id) {
        int separator = id.indexOf(SIGNATURE_SEPARATOR);
        return separator < 0 ? Optional.empty() : Optional.of(id.substring(separator + SIGNATURE_SEPARATOR.length()));
    }
}
