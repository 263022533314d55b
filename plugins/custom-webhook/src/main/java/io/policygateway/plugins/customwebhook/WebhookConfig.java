package io.policygateway.plugins.customwebhook;

import io.policygateway.api.guardrail.StreamMode;
import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

/**
 * custom-webhook's settings. The URL comes only from config, never from a request.
 *
 * @param url where to POST (required, http or https)
 * @param secret the HMAC key, from the environment variable named by {@code secret_env} (or, for
 *     tests, the literal {@code secret}); never logged
 * @param timeout how long one call may take (default 2s)
 * @param failOpen whether an unavailable webhook lets the text through (default false)
 * @param action the most the webhook may do (default block: as answered)
 * @param categories passed to the webhook as {@code categories}
 * @param stream how streamed responses are checked (default buffer)
 */
record WebhookConfig(URI url, String secret, Duration timeout, boolean failOpen, WebhookAction action,
        List<String> categories, StreamMode stream) {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    WebhookConfig {
        requireNonNull(url, "url is null");
        requireNonNull(secret, "secret is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(action, "action is null");
        categories = List.copyOf(categories);
        requireNonNull(stream, "stream is null");
    }

    static WebhookConfig from(PluginConfig config, PluginContext context) {
        config.requireOnly("url", "secret_env", "secret", "timeout", "fail_open", "action", "categories", "stream");
        URI url = url(config);
        String secret;
        if (config.has("secret_env") && config.has("secret")) {
            throw config.error("secret", "give either secret_env or secret, not both");
        } else if (config.has("secret")) {
            secret = config.requireString("secret");
        } else {
            String variable = config.requireString("secret_env");
            secret = context.env(variable).filter(value -> !value.isBlank()).orElseThrow(() -> config.error("secret_env",
                    "the environment variable " + variable + " is not set"));
        }
        Duration timeout = config.duration("timeout", DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative()) {
            throw config.error("timeout", "must be longer than zero");
        }
        return new WebhookConfig(url, secret, timeout, config.bool("fail_open", false), WebhookAction.from(config),
                config.strings("categories"), StreamMode.from(config, "stream", StreamMode.BUFFER));
    }

    private static URI url(PluginConfig config) {
        String value = config.requireString("url").trim();
        try {
            URI uri = new URI(value);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw config.error("url", "expected an http or https URL, got '" + value + "'");
            }
            if (uri.getUserInfo() != null) {
                throw config.error("url", "must not carry credentials; the request is signed with the secret instead");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw config.error("url", "is not a valid URL: '" + value + "'");
        }
    }
}
