package io.policygateway.kernel.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Gateway keys: generation and the SHA-256 hashes the config stores instead of keys. */
public final class KeyHashes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyHashes() {
    }

    public static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A new random key: {@code pgw_} and 32 random bytes, URL-safe base64. */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "pgw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
