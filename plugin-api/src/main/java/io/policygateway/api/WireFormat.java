package io.policygateway.api;

/**
 * The request/response formats the gateway speaks. The caller picks one by the endpoint it calls;
 * a provider declares which it accepts unchanged. {@link #OPENAI_CHAT} is the canonical format:
 * every chat-capable provider accepts it, and the gateway translates the other chat formats to it
 * when the serving provider does not accept them natively.
 */
public enum WireFormat {
    /** OpenAI Chat Completions: {@code POST /v1/chat/completions}. */
    OPENAI_CHAT(true),
    /** Anthropic Messages: {@code POST /v1/messages}. */
    ANTHROPIC_MESSAGES(true),
    /** OpenAI Responses: {@code POST /v1/responses}. */
    OPENAI_RESPONSES(true),
    /** OpenAI Embeddings: {@code POST /v1/embeddings}. */
    OPENAI_EMBEDDINGS(false),
    /** OpenAI Images: {@code POST /v1/images/generations}. */
    OPENAI_IMAGES(false);

    private final boolean chat;

    WireFormat(boolean chat) {
        this.chat = chat;
    }

    /** Whether this is a conversational format (translatable to {@link #OPENAI_CHAT}). */
    public boolean isChat() {
        return chat;
    }
}
