package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.provider.Provider;
import io.policygateway.kernel.config.ConfigLoader;
import io.policygateway.kernel.config.ModelPrice;
import io.policygateway.kernel.config.ModelsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Model prices: the shipped catalogue ({@code model-prices.yaml}, dated) with the config's
 * {@code models.prices} on top. Immutable and thread-safe; built once at start.
 *
 * <p>A price is looked up by provider <em>name</em> first, then by the provider's <em>type</em>
 * (so a second OpenAI host named {@code openai-eu} of type {@code openai} gets OpenAI's prices
 * unless it has its own), and within a provider by the exact model, then the model without a date
 * or {@code -latest} suffix, then the provider's {@code "*"} entry.
 */
public final class PriceCatalogue {
    static final String RESOURCE = "/model-prices.yaml";
    private static final String BUILT_IN = "built-in catalogue";
    private static final String ANY_MODEL = "*";
    private static final Pattern VERSION_SUFFIX = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|latest)$");

    private final Map<String, Map<String, Price>> byProvider;
    private final Map<String, String> providerTypes;
    private final LocalDate shippedAsOf;

    private PriceCatalogue(Map<String, Map<String, Price>> byProvider, Map<String, String> providerTypes, LocalDate shippedAsOf) {
        this.byProvider = Map.copyOf(byProvider);
        this.providerTypes = Map.copyOf(providerTypes);
        this.shippedAsOf = shippedAsOf;
    }

    /** The file form of the shipped catalogue. */
    record Shipped(String asOf, Map<String, Map<String, ModelPrice>> prices) {
        Shipped {
            if (asOf == null || prices == null) {
                throw new IllegalArgumentException("as_of and prices are required");
            }
        }
    }

    /**
     * @param models the config's {@code models:} section
     * @param providers the enabled providers by name (their types let named hosts share a type's prices)
     * @param source the config file, for messages
     */
    public static PriceCatalogue load(ModelsConfig models, Map<String, Provider> providers, String source) {
        requireNonNull(models, "models is null");
        Map<String, String> types = new HashMap<>();
        providers.forEach((name, provider) -> types.put(name, provider.type()));
        Shipped shipped = shipped();
        LocalDate shippedAsOf = LocalDate.parse(shipped.asOf());
        Map<String, Map<String, Price>> prices = new HashMap<>();
        shipped.prices().forEach((provider, entries) -> entries.forEach((model, price) ->
                prices.computeIfAbsent(provider, key -> new HashMap<>()).put(model, price(price, Optional.of(shippedAsOf), BUILT_IN))));
        models.prices().forEach((provider, entries) -> entries.forEach((model, price) ->
                prices.computeIfAbsent(provider, key -> new HashMap<>()).put(model, price(price, Optional.empty(), source))));
        Map<String, Map<String, Price>> frozen = new HashMap<>();
        prices.forEach((provider, entries) -> frozen.put(provider, Map.copyOf(entries)));
        return new PriceCatalogue(frozen, types, shippedAsOf);
    }

    /** The shipped catalogue alone, with no provider types known (tests, tools). */
    public static PriceCatalogue builtIn() {
        return load(ModelsConfig.defaults(), Map.of(), "<none>");
    }

    private static Shipped shipped() {
        try (InputStream in = PriceCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the kernel JAR lacks " + RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode tree = ConfigLoader.tree(text, RESOURCE, name -> Optional.empty());
            return ConfigLoader.bind(tree, Shipped.class, RESOURCE, "(root)");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE + " failed", e);
        }
    }

    private static Price price(ModelPrice price, Optional<LocalDate> defaultAsOf, String source) {
        OptionalDouble cached = price.cachedInput() == null ? OptionalDouble.empty() : OptionalDouble.of(price.cachedInput());
        Optional<LocalDate> asOf = price.asOf() == null ? defaultAsOf : Optional.of(LocalDate.parse(price.asOf()));
        return new Price(price.input(), price.output(), cached, asOf, source);
    }

    /**
     * The price of {@code model} at {@code provider}, or empty when the catalogue does not know it
     * (callers must not treat that as free).
     *
     * @param provider a provider name (as configured) or type
     */
    public Optional<Price> price(String provider, String model) {
        Optional<Price> byName = lookup(byProvider.get(provider), model);
        if (byName.isPresent()) {
            return byName;
        }
        String type = providerTypes.get(provider);
        return type == null || type.equals(provider) ? Optional.empty() : lookup(byProvider.get(type), model);
    }

    /** The date the shipped catalogue was checked. */
    public LocalDate shippedAsOf() {
        return shippedAsOf;
    }

    private static Optional<Price> lookup(Map<String, Price> models, String model) {
        if (models == null) {
            return Optional.empty();
        }
        Price exact = models.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        String family = VERSION_SUFFIX.matcher(model).replaceFirst("");
        Price ofFamily = family.equals(model) ? null : models.get(family);
        return Optional.ofNullable(ofFamily != null ? ofFamily : models.get(ANY_MODEL));
    }
}
