package io.policygateway.kernel.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.Usage;

/** Reads token usage from OpenAI chat completion bodies and stream chunks. */
public final class OpenAiUsage {
    private OpenAiUsage() {
    }

    /** The usage object's counts, or {@link Usage#NONE} when absent. */
    public static Usage from(JsonNode body) {
        JsonNode usage = body.path("usage");
        if (!usage.isObject()) {
            return Usage.NONE;
        }
        long input = usage.path("prompt_tokens").asLong(usage.path("input_tokens").asLong(0));
        long output = usage.path("completion_tokens").asLong(usage.path("output_tokens").asLong(0));
        long cached = usage.path("prompt_tokens_details").path("cached_tokens")
                .asLong(usage.path("input_tokens_details").path("cached_tokens").asLong(0));
        return new Usage(Math.max(0, input), Math.max(0, output), Math.max(0, cached));
    }
}
