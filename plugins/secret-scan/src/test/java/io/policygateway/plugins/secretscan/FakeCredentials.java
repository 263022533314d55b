package io.policygateway.plugins.secretscan;

import java.util.Random;

/**
 * Format-valid but random credentials for tests, built at run time so that no credential-shaped
 * literal sits in the source (secret scanners on the repository stay quiet).
 */
final class FakeCredentials {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE32_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE64 = ALPHANUMERIC + "+/";

    private FakeCredentials() {
    }

    static String random(String alphabet, int length, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static String githubToken(long seed) {
        return "gh" + "p_" + random(ALPHANUMERIC, 36, seed);
    }

    static String awsAccessKeyId(long seed) {
        return "AK" + "IA" + random(BASE32_UPPER, 16, seed);
    }

    static String awsSecretAccessKey(long seed) {
        return random(BASE64, 40, seed);
    }

    static String stripeSecretKey(long seed) {
        return "sk" + "_live_" + random(ALPHANUMERIC, 40, seed);
    }

    static String stripePublishableKey(long seed) {
        return "pk" + "_live_" + random(ALPHANUMERIC, 40, seed);
    }

    static String openAiProjectKey(long seed) {
        return "sk" + "-proj-" + random(ALPHANUMERIC + "_-", 120, seed);
    }

    static String anthropicKey(long seed) {
        return "sk" + "-ant-api03-" + random(ALPHANUMERIC + "_-", 93, seed) + "AA";
    }

    static String googleApiKey(long seed) {
        return "AI" + "za" + random(ALPHANUMERIC + "_-", 35, seed);
    }

    static String slackBotToken(long seed) {
        return "xo" + "xb-" + random("0123456789", 12, seed) + "-" + random("0123456789", 13, seed + 1) + "-"
                + random(ALPHANUMERIC, 24, seed + 2);
    }

    static String jwt(long seed) {
        return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + "." + "eyJzdWIiOiJ1c2VyLTQyIiwiaWF0IjoxNzAwMDAwMDAwfQ" + "."
                + random(ALPHANUMERIC + "_-", 43, seed);
    }

    /** A PEM private key block with real line breaks, 64 base64 characters per line. */
    static String privateKey(long seed, int lines) {
        StringBuilder pem = new StringBuilder("-----BEGIN " + "RSA PRIVATE KEY-----\n");
        for (int line = 0; line < lines; line++) {
            pem.append(random(BASE64, 64, seed + line)).append('\n');
        }
        return pem.append("-----END RSA PRIVATE KEY-----").toString();
    }
}
