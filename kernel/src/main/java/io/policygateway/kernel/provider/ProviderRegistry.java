package io.policygateway.kernel.provider;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ConfigException;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderFactory;
import io.policygateway.api.provider.ProviderFactory.ProviderConfig;
import io.policygateway.api.provider.ProviderFactory.ProviderSetup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enabled providers and how model names map to them. Built once at start.
 *
 * <p>A model is served by: the provider named in a {@code provider/model} prefix; else the first
 * enabled provider (configured order, then discovery order) whose {@link Provider#servesModel}
 * accepts it; else, in local dev mode (no provider but the built-in {@code local} one is
 * enabled), the local provider, which then answers every model name.
 */
public final class ProviderRegistry {
    public static final String LOCAL = "local";
    private static final Logger log = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, Provider> providers;
    private final Map<String, ProviderHealth> health;
    private final Map<String, String> disabledReasons;
    private final Map<String, String> enabledReasons;
    private final Map<String, String> aliases;
    private final Set<String> knownModels;

    private ProviderRegistry(Map<String, Provider> providers, Map<String, String> enabledReasons,
            Map<String, String> disabledReasons, Map<String, String> aliases) {
        this.providers = Map.copyOf(providers);
        this.enabledReasons = Map.copyOf(enabledReasons);
        this.disabledReasons = Map.copyOf(disabledReasons);
        this.aliases = Map.copyOf(aliases);
        Map<String, ProviderHealth> healthByName = new LinkedHashMap<>();
        providers.keySet().forEach(name -> healthByName.put(name, new ProviderHealth()));
        this.health = Map.copyOf(healthByName);
        Set<String> models = new LinkedHashSet<>(aliases.keySet());
        providers.values().forEach(provider -> models.addAll(provider.models()));
        this.knownModels = Set.copyOf(models);
        this.order = List.copyOf(providers.keySet());
    }

    private final List<String> order;

    /**
     * Sets up every provider: those named under {@code providers:} (their {@code type} picks the
     * factory, default the name) and every other factory under its own id.
     */
    public static ProviderRegistry create(List<ProviderFactory> factories, Map<String, ObjectNode> configured,
            Map<String, String> aliases, PluginContext context, String source) {
        Map<String, ProviderFactory> byType = new LinkedHashMap<>();
        factories.forEach(factory -> byType.put(factory.id(), factory));
        Map<String, Provider> enabled = new LinkedHashMap<>();
        Map<String, String> enabledReasons = new LinkedHashMap<>();
        Map<String, String> disabledReasons = new LinkedHashMap<>();

        for (Map.Entry<String, ObjectNode> entry : configured.entrySet()) {
            String name = entry.getKey();
            ObjectNode settings = entry.getValue() == null ? context.json().createObjectNode() : entry.getValue().deepCopy();
            String type = settings.has("type") ? settings.remove("type").asText() : name;
            ProviderFactory factory = byType.get(type);
            if (factory == null) {
                throw new ConfigException(source, "providers." + name + ".type", "no provider plugin of type '" + type
                        + "' is loaded (available: " + String.join(", ", byType.keySet()) + ")");
            }
            setUp(factory, name, new ProviderConfig(true, new PluginConfig(source, "providers." + name, settings)), context,
                    enabled, enabledReasons, disabledReasons);
        }
        for (ProviderFactory factory : byType.values()) {
            boolean configuredByName = configured.containsKey(factory.id());
            boolean configuredAsType = configured.values().stream()
                    .anyMatch(node -> node != null && node.path("type").asText("").equals(factory.id()));
            if (!configuredByName && !configuredAsType) {
                setUp(factory, factory.id(), new ProviderConfig(false, PluginConfig.empty("providers." + factory.id())), context,
                        enabled, enabledReasons, disabledReasons);
            }
        }
        // The built-in local provider goes last, so real providers win every model they serve.
        Provider local = enabled.remove(LOCAL);
        if (local != null) {
            enabled.put(LOCAL, local);
        }
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            if (alias.getValue() == null || alias.getValue().isBlank()) {
                throw new ConfigException(source, "models.aliases." + alias.getKey(), "alias target is empty");
            }
        }
        return new ProviderRegistry(enabled, enabledReasons, disabledReasons, aliases);
    }

    private static void setUp(ProviderFactory factory, String name, ProviderConfig config, PluginContext context,
            Map<String, Provider> enabled, Map<String, String> enabledReasons, Map<String, String> disabledReasons) {
        ProviderSetup setup;
        try {
            setup = factory.setup(name, config, context);
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            log.warn("Provider {} failed to set up and is disabled: {}", name, e.toString());
            disabledReasons.put(name, "set-up failed: " + e);
            return;
        }
        if (setup.isEnabled()) {
            enabled.put(name, setup.provider());
            enabledReasons.put(name, setup.reason());
        } else {
            disabledReasons.put(name, setup.reason());
        }
    }

    /** Writes one line per provider saying whether it is enabled and why. */
    public void logSummary() {
        enabledReasons.forEach((name, reason) -> log.info("Provider {} enabled: {}", name, reason));
        disabledReasons.forEach((name, reason) -> log.info("Provider {} disabled: {}", name, reason));
        if (localDevMode()) {
            log.warn("No provider key is set: the built-in local provider answers every model name (local dev mode). "
                    + "Set OPENAI_API_KEY (or another provider's key) to use a real provider.");
        } else if (providers.isEmpty()) {
            log.warn("No provider is enabled: every model request will fail. Set OPENAI_API_KEY or install the local provider plugin.");
        }
    }

    /** Only the built-in local provider is enabled. */
    public boolean localDevMode() {
        return providers.size() == 1 && providers.containsKey(LOCAL);
    }

    public Map<String, Provider> providers() {
        return providers;
    }

    public Map<String, String> disabledReasons() {
        return disabledReasons;
    }

    public Optional<Provider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    public ProviderHealth health(String name) {
        return requireNonNull(health.get(name), "no such provider: " + name);
    }

    public Map<String, String> aliases() {
        return aliases;
    }

    /** The model an alias stands for, or the name itself. */
    public String resolveAlias(String model) {
        return aliases.getOrDefault(model, model);
    }

    /** A provider and the model name to send it. */
    public record Resolution(Provider provider, String model) {
    }

    /**
     * Finds the provider for a (resolved) model name that can take a request of {@code format}
     * (natively or, for chat formats, through the canonical format).
     *
     * @throws GatewayException {@code INVALID_REQUEST} naming the model when none serves it
     */
    public Resolution resolve(String model, WireFormat format) throws GatewayException {
        int slash = model.indexOf('/');
        if (slash > 0) {
            Provider named = providers.get(model.substring(0, slash));
            if (named != null) {
                return checked(new Resolution(named, model.substring(slash + 1)), format);
            }
        }
        for (String name : order) {
            Provider provider = providers.get(name);
            if (!name.equals(LOCAL) && provider.servesModel(model) && accepts(provider, format)) {
                return new Resolution(provider, model);
            }
        }
        Provider local = providers.get(LOCAL);
        if (local != null && (localDevMode() || local.servesModel(model)) && accepts(local, format)) {
            return new Resolution(local, model);
        }
        throw GatewayException.invalid("model", "The model '" + model + "' is not served by any enabled provider"
                + (providers.isEmpty() ? " (no provider is enabled)" : " (enabled: " + String.join(", ", order) + ")")
                + ". See GET /v1/models for the models this gateway serves.");
    }

    private static Resolution checked(Resolution resolution, WireFormat format) throws GatewayException {
        if (!accepts(resolution.provider(), format)) {
            throw GatewayException.invalid("model", "Provider '" + resolution.provider().name() + "' does not support "
                    + describe(format) + ".");
        }
        return resolution;
    }

    /** Whether the provider can serve a request of this format, directly or via the canonical chat format. */
    public static boolean accepts(Provider provider, WireFormat format) {
        Set<WireFormat> formats = provider.formats();
        return formats.contains(format) || (format.isChat() && formats.contains(WireFormat.OPENAI_CHAT));
    }

    private static String describe(WireFormat format) {
        return switch (format) {
            case OPENAI_CHAT, ANTHROPIC_MESSAGES, OPENAI_RESPONSES -> "chat";
            case OPENAI_EMBEDDINGS -> "embeddings";
            case OPENAI_IMAGES -> "image generation";
        };
    }

    /** Every model id this gateway answers to: provider models then aliases. */
    public List<String> listedModels() {
        List<String> all = new ArrayList<>();
        providers.values().forEach(provider -> all.addAll(provider.models()));
        all.addAll(aliases.keySet());
        return List.copyOf(new LinkedHashSet<>(all));
    }

    /** A bounded label value for metrics: known models as themselves, others as {@code other}. */
    public String metricModel(String model) {
        return knownModels.contains(model) ? model : "other";
    }
}
