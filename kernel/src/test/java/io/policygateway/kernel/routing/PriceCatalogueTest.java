package io.policygateway.kernel.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.Usage;
import io.policygateway.kernel.config.ModelPrice;
import io.policygateway.kernel.config.ModelsConfig;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceCatalogueTest {
    private final PriceCatalogue shipped = PriceCatalogue.builtIn();

    @Test
    void shipsDatedPricesPerMillionTokens() {
        Price price = shipped.price("openai", "gpt-4o-mini").orElseThrow();
        assertEquals(0.15, price.inputPerMillion());
        assertEquals(0.60, price.outputPerMillion());
        assertEquals(shipped.shippedAsOf(), price.asOf().orElseThrow());
        assertEquals("built-in catalogue", price.source());
        assertTrue(shipped.shippedAsOf().isAfter(LocalDate.parse("2025-01-01")));
    }

    @Test
    void pricesDatedModelNamesAsTheirFamily() {
        assertEquals(3.00, shipped.price("anthropic", "claude-sonnet-4-20250514").orElseThrow().inputPerMillion());
        assertEquals(2.50, shipped.price("openai", "gpt-4o-2024-08-06").orElseThrow().inputPerMillion());
        assertEquals(0.80, shipped.price("anthropic", "claude-3-5-haiku-latest").orElseThrow().inputPerMillion());
    }

    @Test
    void anUnknownModelHasNoPriceRatherThanZero() {
        assertTrue(shipped.price("openai", "gpt-unknown").isEmpty());
        assertTrue(shipped.price("nobody", "gpt-4o").isEmpty());
    }

    @Test
    void configOverridesAndExtendsTheCatalogueAndNamedHostsShareTheirTypesPrices() {
        ModelsConfig models = new ModelsConfig(Map.of(), Map.of(
                "openai", Map.of("gpt-4o", new ModelPrice(2.0, 8.0, null, "2026-01-01")),
                "ollama", Map.of("*", new ModelPrice(0.0, 0.0, null, null))));
        PriceCatalogue catalogue = PriceCatalogue.load(models, Map.of(), "conf/gateway.yaml");
        Price overridden = catalogue.price("openai", "gpt-4o").orElseThrow();
        assertEquals(2.0, overridden.inputPerMillion());
        assertEquals(LocalDate.parse("2026-01-01"), overridden.asOf().orElseThrow());
        assertEquals("conf/gateway.yaml", overridden.source());
        assertEquals(0.0, catalogue.price("ollama", "llama3.1").orElseThrow().outputPerMillion());
        assertEquals(0.15, catalogue.price("openai", "gpt-4o-mini").orElseThrow().inputPerMillion(), "the rest of the catalogue stays");
    }

    @Test
    void costUsesTheCachedInputPriceForCachedTokens() {
        Price price = shipped.price("openai", "gpt-4o").orElseThrow();
        assertEquals((1_000_000 * 2.50 + 2_000 * 10.00) / 1_000_000, price.cost(1_000_000, 2_000), 1e-9);
        double withCache = price.cost(new Usage(1_000_000, 0, 400_000));
        assertEquals((600_000 * 2.50 + 400_000 * 1.25) / 1_000_000, withCache, 1e-9);
    }
}
