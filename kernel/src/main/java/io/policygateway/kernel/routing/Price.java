package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.Usage;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A model's price in USD per 1M tokens.
 *
 * @param inputPerMillion price of 1M input tokens
 * @param outputPerMillion price of 1M output tokens
 * @param cachedInputPerMillion price of 1M input tokens read from the provider's prompt cache, when billed differently
 * @param asOf when the price was checked, if known
 * @param source where it came from: {@code built-in catalogue} or the config file
 */
public record Price(double inputPerMillion, double outputPerMillion, OptionalDouble cachedInputPerMillion, Optional<LocalDate> asOf,
        String source) {

    public Price {
        requireNonNull(cachedInputPerMillion, "cachedInputPerMillion is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(source, "source is null");
    }

    /** USD for a call with these token counts (no prompt caching). */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000d;
    }

    /** USD for a call's real usage; cached input tokens at the cached price when there is one. */
    public double cost(Usage usage) {
        long cached = Math.min(usage.cachedTokens(), usage.inputTokens());
        double cachedPrice = cachedInputPerMillion.orElse(inputPerMillion);
        return ((usage.inputTokens() - cached) * inputPerMillion + cached * cachedPrice + usage.outputTokens() * outputPerMillion)
                / 1_000_000d;
    }
}
