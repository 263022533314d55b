package io.policygateway.plugins.promptshield.classifier;

/**
 * Context that changes how much a signal counts. Cues never raise a score by themselves.
 */
enum Cue {
    /** The text talks about attacks (detecting, explaining, testing, translating them). */
    DISCUSSION,
    /** The text asks for quoted material to be translated or explained. */
    TRANSLATION,
    /** The text is a developer's question about building, logging or testing prompts. */
    DEVELOPER,
    /** The text asks for quoted or encoded content to be obeyed ("decode this and do what it says"). */
    EXECUTE,
    /** The text frames a request as fiction, a game or a hypothetical. */
    FICTION,
    /** The text is, or carries, a pasted document, page, email or tool result. */
    DOCUMENT;

    /** Whether the cue is a single word list, cheaper to check than most phrases. */
    boolean isCheap() {
        return this == FICTION;
    }
}
