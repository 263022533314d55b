package io.policygateway.plugins.secretscan;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.StreamMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The validated configuration of one secret-scan instance.
 *
 * @param types the kinds of credentials to look for ({@code categories}; default: all)
 * @param action what to do on a finding ({@code action}; default {@code block})
 * @param streamWindow characters of a streamed answer always held back, so that a credential with
 *     spaces inside split across chunks is still seen whole ({@code streamWindow}; default 256)
 * @param streamMaxHold the most characters ever held back while a credential may still be growing,
 *     e.g. a PEM block before its END line ({@code streamMaxHold}; default 16384); a private key
 *     longer than this ends the stream; in {@code buffer} mode the size of the buffer
 * @param streamMode {@code window} (default), {@code buffer} (hold the answer up to
 *     {@code streamMaxHold}, scan once) or {@code pass-through} (no hold-back, findings only
 *     logged) ({@code streamMode})
 */
record SecretScanSettings(Set<SecretType> types, SecretAction action, int streamWindow, int streamMaxHold, StreamMode streamMode) {
    static final List<String> KEYS = List.of("categories", "action", "streamWindow", "streamMaxHold", "streamMode");

    SecretScanSettings {
        types = Set.copyOf(requireNonNull(types, "types is null"));
        requireNonNull(action, "action is null");
        requireNonNull(streamMode, "streamMode is null");
    }

    static SecretScanSettings from(PluginConfig config) {
        config.requireOnly(KEYS.toArray(String[]::new));
        SecretAction action = SecretAction.from(config, "action", SecretAction.BLOCK);
        int window = (int) config.number("streamWindow", 256);
        if (window < 16 || window > 4096) {
            throw config.error("streamWindow", "expected 16 to 4096 characters, got " + window);
        }
        int maxHold = (int) config.number("streamMaxHold", 16_384);
        if (maxHold < window || maxHold > 1_048_576) {
            throw config.error("streamMaxHold", "expected streamWindow (" + window + ") to 1048576 characters, got " + maxHold);
        }
        return new SecretScanSettings(types(config), action, window, maxHold,
                StreamMode.from(config, "streamMode", StreamMode.WINDOW));
    }

    private static Set<SecretType> types(PluginConfig config) {
        List<String> categories = config.strings("categories");
        if (categories.isEmpty()) {
            return EnumSet.allOf(SecretType.class);
        }
        EnumSet<SecretType> types = EnumSet.noneOf(SecretType.class);
        for (int i = 0; i < categories.size(); i++) {
            String category = categories.get(i);
            int index = i;
            types.add(SecretType.fromCategory(category).orElseThrow(() -> config.error("categories[" + index + "]",
                    "unknown category '" + category + "' (known: aws_access_key_id, aws_secret_access_key, github_token, "
                            + "slack_token, stripe_key, openai_key, anthropic_key, google_api_key, private_key, jwt, "
                            + "password_in_url, secret)")));
        }
        return types;
    }
}
