package io.policygateway.kernel.auth;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.kernel.config.AuthConfig;
import io.policygateway.kernel.config.KeyConfig;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks gateway credentials. Keys are looked up by the SHA-256 of what the caller sent; the
 * key itself is never stored or logged. With no keys configured every caller is anonymous
 * (local dev mode).
 */
public final class Authenticator {
    static final String MISSING = "Missing API key. Send your gateway key as a Bearer token: 'Authorization: Bearer <key>'.";
    static final String INVALID = "Invalid API key. Check that your gateway key is set and sent as a Bearer token: 'Authorization: Bearer <key>'.";

    private final Map<String, KeyConfig> keysByHash;
    private final Map<String, KeyConfig> adminKeysByHash;
    private final Optional<JwtVerifier> jwt;

    public Authenticator(AuthConfig config, Optional<JwtVerifier> jwt) {
        keysByHash = index(config.keys());
        adminKeysByHash = index(config.adminKeys());
        this.jwt = jwt;
    }

    private static Map<String, KeyConfig> index(java.util.List<KeyConfig> keys) {
        Map<String, KeyConfig> byHash = new LinkedHashMap<>();
        keys.forEach(key -> byHash.put(key.sha256(), key));
        return Map.copyOf(byHash);
    }

    /** No keys and no JWT issuer are configured: requests are not authenticated. */
    public boolean devMode() {
        return keysByHash.isEmpty() && jwt.isEmpty();
    }

    /**
     * @param authorization the {@code Authorization} header
     * @param apiKey the {@code x-api-key} header (Anthropic clients), if accepted on this route
     */
    public Identity authenticate(Optional<String> authorization, Optional<String> apiKey) throws GatewayException {
        if (devMode()) {
            return Identity.anonymousCaller();
        }
        String token = credential(authorization, apiKey);
        if (jwt.isPresent() && token.chars().filter(c -> c == '.').count() == 2 && token.startsWith("ey")) {
            JwtVerifier.Claims claims = jwt.get().verify(token);
            return new Identity("jwt:" + claims.subject(), Optional.empty(), List.of(), claims.roles(), false, true);
        }
        KeyConfig key = lookup(keysByHash, token);
        return new Identity(key.name(), Optional.ofNullable(key.project()), key.projects(), key.roles(), false, false);
    }

    /** Checks an admin key for the admin endpoints; with none configured they are closed. */
    public String authenticateAdmin(Optional<String> authorization) throws GatewayException {
        if (adminKeysByHash.isEmpty()) {
            throw new GatewayException(ErrorCategory.PERMISSION, "The admin API is disabled: configure auth.admin_keys to enable it.");
        }
        return lookup(adminKeysByHash, credential(authorization, Optional.empty())).name();
    }

    private static String credential(Optional<String> authorization, Optional<String> apiKey) throws GatewayException {
        Optional<String> bearer = authorization.map(String::trim).filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim()).filter(value -> !value.isEmpty());
        Optional<String> token = bearer.or(() -> apiKey.map(String::trim).filter(value -> !value.isEmpty()));
        if (token.isEmpty()) {
            throw new GatewayException(ErrorCategory.AUTHENTICATION, authorization.isPresent() ? INVALID : MISSING);
        }
        return token.get();
    }

    private static KeyConfig lookup(Map<String, KeyConfig> keys, String token) throws GatewayException {
        String hash = KeyHashes.sha256Hex(token);
        KeyConfig key = keys.get(hash);
        if (key == null || !MessageDigest.isEqual(key.sha256().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII))) {
            throw new GatewayException(ErrorCategory.AUTHENTICATION, INVALID);
        }
        return key;
    }
}
