package io.policygateway.kernel.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code models:} — model names and prices.
 *
 * @param aliases short names resolved before routing, e.g. {@code cheap: gemini-1.5-flash}
 * @param prices prices by provider (name or type) then model, overriding and extending the shipped
 *     catalogue; a model key {@code "*"} prices every model of that provider
 */
public record ModelsConfig(Map<String, String> aliases, Map<String, Map<String, ModelPrice>> prices) {
    public ModelsConfig {
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        prices = prices == null ? Map.of() : copyPrices(prices);
    }

    private static Map<String, Map<String, ModelPrice>> copyPrices(Map<String, Map<String, ModelPrice>> prices) {
        Map<String, Map<String, ModelPrice>> copy = new LinkedHashMap<>();
        prices.forEach((provider, models) -> {
            if (models == null) {
                throw new IllegalArgumentException("prices." + provider + " is empty: list models as <model>: { input: …, output: … }");
            }
            models.forEach((model, price) -> {
                if (price == null) {
                    throw new IllegalArgumentException("prices." + provider + "." + model + " is empty: give { input: …, output: … }");
                }
            });
            copy.put(provider, Map.copyOf(models));
        });
        return Map.copyOf(copy);
    }

    public static ModelsConfig defaults() {
        return new ModelsConfig(null, null);
    }
}
