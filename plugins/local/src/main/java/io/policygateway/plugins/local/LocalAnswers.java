package io.policygateway.plugins.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The local provider's deterministic answers. */
final class LocalAnswers {
    private static final int QUOTE_LIMIT = 200;

    private LocalAnswers() {
    }

    /**
     * {@code local-echo} repeats the last user message; every other model answers with a short
     * sentence that names the model and quotes the last user message.
     */
    static String answer(String model, ObjectNode request) {
        String lastUser = "";
        for (JsonNode message : request.path("messages")) {
            if (message.path("role").asText().equals("user")) {
                lastUser = LocalProvider.textOf(message.path("content"));
            }
        }
        if (model.equals("local-echo")) {
            return lastUser;
        }
        String quoted = lastUser.length() > QUOTE_LIMIT ? lastUser.substring(0, QUOTE_LIMIT) + "…" : lastUser;
        return "This is the Policy Gateway local provider answering as " + model + ". You said: \"" + quoted.strip()
                + "\". Set a provider key such as OPENAI_API_KEY to get real model answers.";
    }

    /** About four characters per token, at least one token for non-empty text. */
    static long estimateTokens(String text) {
        return text.isEmpty() ? 0 : (text.length() + 3) / 4;
    }
}
