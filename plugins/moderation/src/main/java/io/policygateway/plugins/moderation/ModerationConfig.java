package io.policygateway.plugins.moderation;

import io.policygateway.api.guardrail.StreamMode;
import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * moderation's settings.
 *
 * @param endpoint {@code <base_url>/moderations} (default base https://api.openai.com/v1)
 * @param apiKey the key read from the environment variable named by {@code api_key_env}; never logged
 * @param model the moderation model (default omni-moderation-latest)
 * @param timeout how long one call may take (default 2s)
 * @param failOpen whether an unavailable endpoint lets the text through (default false)
 * @param categories the OpenAI categories that block (with their sub-categories); empty: the endpoint's
 *     own {@code flagged}
 * @param threshold when set, a listed category also counts when its score reaches it
 * @param action what to do when flagged (default block)
 * @param roles the request message roles sent before the request (default user)
 * @param stream how streamed responses are checked (default buffer)
 */
record ModerationConfig(URI endpoint, Optional<String> apiKey, String model, Duration timeout, boolean failOpen,
        Set<String> categories, OptionalDouble threshold, GuardrailAction action, Set<String> roles, StreamMode stream) {
    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    static final String DEFAULT_MODEL = "omni-moderation-latest";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    static final Set<String> KNOWN_CATEGORIES = Set.of("harassment", "harassment/threatening", "hate", "hate/threatening",
            "illicit", "illicit/violent", "self-harm", "self-harm/intent", "self-harm/instructions", "sexual",
            "sexual/minors", "violence", "violence/graphic");
    private static final Set<String> KNOWN_ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    ModerationConfig {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(model, "model is null");
        requireNonNull(timeout, "timeout is null");
        categories = Set.copyOf(categories);
        requireNonNull(threshold, "threshold is null");
        requireNonNull(action, "action is null");
        roles = Set.copyOf(roles);
        requireNonNull(stream, "stream is null");
    }

    static ModerationConfig from(PluginConfig config, PluginContext context) {
        config.requireOnly("base_url", "api_key_env", "model", "timeout", "fail_open", "categories", "threshold", "action",
                "roles", "stream");
        URI endpoint = endpoint(config);
        String keyVariable = config.string("api_key_env", "OPENAI_API_KEY");
        Optional<String> apiKey = Optional.empty();
        if (!keyVariable.isBlank()) {
            apiKey = context.env(keyVariable).filter(value -> !value.isBlank());
            if (apiKey.isEmpty()) {
                throw config.error("api_key_env", "the environment variable " + keyVariable + " is not set (set it, or set "
                        + "api_key_env to \"\" for an endpoint without a key)");
            }
        }
        Duration timeout = config.duration("timeout", DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative()) {
            throw config.error("timeout", "must be longer than zero");
        }
        Set<String> categories = new LinkedHashSet<>();
        List<String> names = config.strings("categories");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim().toLowerCase(Locale.ROOT).replace('_', '-').replace("-minors", "/minors")
                    .replace("-threatening", "/threatening").replace("-graphic", "/graphic").replace("-intent", "/intent")
                    .replace("-instructions", "/instructions").replace("-violent", "/violent");
            if (name.equals("moderation") || name.equals("all")) {
                continue;
            }
            if (!KNOWN_CATEGORIES.contains(name)) {
                throw config.error("categories[" + i + "]", "unknown moderation category '" + names.get(i) + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(KNOWN_CATEGORIES)) + ")");
            }
            categories.add(name);
        }
        OptionalDouble threshold = OptionalDouble.empty();
        if (config.has("threshold")) {
            double value = config.decimal("threshold", 1);
            if (!(value > 0 && value <= 1)) {
                throw config.error("threshold", "expected a number above 0 and at most 1, got " + value);
            }
            if (categories.isEmpty()) {
                throw config.error("threshold", "applies to listed categories; list them under categories");
            }
            threshold = OptionalDouble.of(value);
        }
        List<String> roles = config.has("roles") ? config.strings("roles") : List.of("user");
        for (int i = 0; i < roles.size(); i++) {
            if (!KNOWN_ROLES.contains(roles.get(i))) {
                throw config.error("roles[" + i + "]", "expected one of system, developer, user, assistant, tool, function, got '"
                        + roles.get(i) + "'");
            }
        }
        return new ModerationConfig(endpoint, apiKey, config.string("model", DEFAULT_MODEL), timeout,
                config.bool("fail_open", false), categories, threshold, GuardrailAction.from(config, "moderation"),
                Set.copyOf(roles), StreamMode.from(config, "stream", StreamMode.BUFFER));
    }

    private static URI endpoint(PluginConfig config) {
        String base = config.string("base_url", DEFAULT_BASE_URL).trim();
        try {
            URI uri = new URI(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw config.error("base_url", "expected an http or https URL, got '" + base + "'");
            }
            return URI.create(uri + "/moderations");
        } catch (URISyntaxException e) {
            throw config.error("base_url", "is not a valid URL: '" + base + "'");
        }
    }
}
