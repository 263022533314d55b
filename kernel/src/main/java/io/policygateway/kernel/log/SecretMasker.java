package io.policygateway.kernel.log;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for logs: every value registered here (provider keys from the
 * environment, secrets from the config) and anything shaped like a bearer credential.
 * Process-wide: logs are process-wide too.
 */
public final class SecretMasker {
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+|x-api-key[\"']?\\s*[:=]\\s*[\"']?)[A-Za-z0-9._~+/=-]{8,}");
    private static final int MINIMUM_LENGTH = 6;

    private SecretMasker() {
    }

    /** Registers a value that must never appear in a log line. Short values are ignored. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= MINIMUM_LENGTH) {
            SECRETS.add(secret);
        }
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : SECRETS) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, "****");
            }
        }
        if (masked.indexOf('e') >= 0 || masked.indexOf('E') >= 0) {
            masked = BEARER.matcher(masked).replaceAll("$1****");
        }
        return masked;
    }
}
