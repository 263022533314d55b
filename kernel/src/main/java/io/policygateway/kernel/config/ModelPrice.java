package io.policygateway.kernel.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * One model's price in USD per 1M tokens ({@code models.prices.<provider>.<model>} and the
 * shipped catalogue {@code model-prices.yaml}).
 *
 * @param input price of 1M input (prompt) tokens
 * @param output price of 1M output (completion) tokens
 * @param cachedInput price of 1M input tokens served from the provider's prompt cache, if it differs
 * @param asOf the date the price was checked ({@code YYYY-MM-DD}), if known
 */
public record ModelPrice(Double input, Double output, Double cachedInput, String asOf) {
    public ModelPrice {
        if (input == null || output == null) {
            throw new IllegalArgumentException("input and output are required (USD per 1M tokens)");
        }
        if (input < 0 || output < 0 || (cachedInput != null && cachedInput < 0)) {
            throw new IllegalArgumentException("prices must not be negative");
        }
        if (asOf != null) {
            try {
                LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("as_of must be a date such as 2025-08-15, got '" + asOf + "'");
            }
        }
    }
}
