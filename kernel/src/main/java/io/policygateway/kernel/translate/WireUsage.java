package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.JsonTrees.number;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.Usage;
import io.policygateway.api.WireFormat;
import java.util.Optional;

/**
 * Reads token usage from answers in each chat wire format, so the kernel can count tokens whichever
 * format a provider answered in. {@link Usage#inputTokens()} always includes cached prompt tokens.
 * Pure functions.
 */
public final class WireUsage {

    private WireUsage() {
    }

    /** Usage of a whole (non-streamed) answer in {@code format}, or empty when it reports none. */
    public static Optional<Usage> ofBody(WireFormat format, JsonNode body) {
        return switch (format) {
            case OPENAI_CHAT, OPENAI_EMBEDDINGS -> chat(body.get("usage"));
            case ANTHROPIC_MESSAGES -> anthropic(body.get("usage"));
            case OPENAI_RESPONSES -> responses(body.get("usage"));
            case OPENAI_IMAGES -> images(body.get("usage"));
        };
    }

    /**
     * Usage carried by one stream event in {@code format}, or empty. For Anthropic streams,
     * {@code message_start} carries the input side and {@code message_delta} the cumulative output:
     * combine them with {@link #merge}.
     */
    public static Optional<Usage> ofStreamEvent(WireFormat format, JsonNode event) {
        return switch (format) {
            case OPENAI_CHAT -> chat(event.get("usage"));
            case ANTHROPIC_MESSAGES -> switch (event.path("type").asText("")) {
                case "message_start" -> anthropic(event.path("message").get("usage"));
                case "message_delta" -> anthropic(event.get("usage"));
                default -> Optional.empty();
            };
            case OPENAI_RESPONSES -> event.path("type").asText("").startsWith("response.")
                    ? responses(event.path("response").get("usage")) : Optional.empty();
            case OPENAI_EMBEDDINGS, OPENAI_IMAGES -> Optional.empty();
        };
    }

    /**
     * Combines two readings of the same call's usage, keeping the larger value of each count (Anthropic
     * reports input at the start and cumulative output at the end; both may repeat).
     */
    public static Usage merge(Usage earlier, Usage later) {
        return new Usage(Math.max(earlier.inputTokens(), later.inputTokens()),
                Math.max(earlier.outputTokens(), later.outputTokens()),
                Math.max(earlier.cachedTokens(), later.cachedTokens()));
    }

    private static Optional<Usage> chat(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Usage(number(usage, "prompt_tokens"), number(usage, "completion_tokens"),
                number(usage.path("prompt_tokens_details"), "cached_tokens")));
    }

    private static Optional<Usage> anthropic(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Optional.empty();
        }
        long cacheRead = number(usage, "cache_read_input_tokens");
        long input = number(usage, "input_tokens") + cacheRead + number(usage, "cache_creation_input_tokens");
        return Optional.of(new Usage(input, number(usage, "output_tokens"), cacheRead));
    }

    private static Optional<Usage> responses(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Usage(number(usage, "input_tokens"), number(usage, "output_tokens"),
                number(usage.path("input_tokens_details"), "cached_tokens")));
    }

    private static Optional<Usage> images(JsonNode usage) {
        return responses(usage);
    }
}
