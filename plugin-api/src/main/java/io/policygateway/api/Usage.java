package io.policygateway.api;

/**
 * Token usage of one model call.
 *
 * @param inputTokens tokens in the prompt, including cached ones
 * @param outputTokens tokens generated
 * @param cachedTokens prompt tokens served from the provider's cache
 */
public record Usage(long inputTokens, long outputTokens, long cachedTokens) {
    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cachedTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cachedTokens + other.cachedTokens);
    }
}
