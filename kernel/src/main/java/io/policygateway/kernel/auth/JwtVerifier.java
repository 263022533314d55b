package io.policygateway.kernel.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.kernel.config.JwtConfig;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies JWT bearer tokens: HS256 with a shared secret, RS256 and ES256 with keys from a JWKS;
 * checks issuer, audience, expiry and not-before with clock skew; reads roles from a claim.
 * Only these three algorithms are accepted ({@code none} and others are refused).
 */
public final class JwtVerifier {
    private static final Base64.Decoder URL = Base64.getUrlDecoder();

    private final JwtConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

    public JwtVerifier(JwtConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Replaces the JWKS keys (from the file or URL). */
    public void loadJwks(JsonNode jwks) throws GeneralSecurityException {
        Map<String, PublicKey> loaded = new java.util.HashMap<>();
        for (JsonNode key : jwks.path("keys")) {
            String kid = key.path("kid").asText("");
            switch (key.path("kty").asText()) {
                case "RSA" -> loaded.put(kid, KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        unsigned(key.path("n").asText()), unsigned(key.path("e").asText()))));
                case "EC" -> {
                    if (!key.path("crv").asText().equals("P-256")) {
                        continue;
                    }
                    java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
                    parameters.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
                    ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
                    loaded.put(kid, KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                            new ECPoint(unsigned(key.path("x").asText()), unsigned(key.path("y").asText())), spec)));
                }
                default -> {
                }
            }
        }
        keys.clear();
        keys.putAll(loaded);
    }

    /** The verified caller: subject and roles. */
    public record Claims(String subject, List<String> roles) {
    }

    public Claims verify(String token) throws GatewayException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("malformed token");
        }
        JsonNode header;
        JsonNode payload;
        try {
            header = json.readTree(URL.decode(parts[0]));
            payload = json.readTree(URL.decode(parts[1]));
        } catch (Exception e) {
            throw invalid("malformed token");
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature;
        try {
            signature = URL.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid("malformed signature");
        }
        if (!signatureValid(header.path("alg").asText(), header.path("kid").asText(""), signed, signature)) {
            throw invalid("bad signature");
        }
        checkClaims(payload);
        List<String> roles = new ArrayList<>();
        JsonNode claim = payload.path(config.rolesClaim());
        if (claim.isArray()) {
            claim.forEach(role -> roles.add(role.asText()));
        } else if (claim.isTextual()) {
            roles.addAll(List.of(claim.asText().trim().split("\\s+")));
        }
        return new Claims(payload.path("sub").asText("unknown"), List.copyOf(roles));
    }

    private boolean signatureValid(String algorithm, String kid, byte[] signed, byte[] signature) throws GatewayException {
        try {
            switch (algorithm) {
                case "HS256" -> {
                    if (config.hs256Secret() == null) {
                        return false;
                    }
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(config.hs256Secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    return MessageDigest.isEqual(mac.doFinal(signed), signature);
                }
                case "RS256" -> {
                    return verifyWith("SHA256withRSA", key(kid), signed, signature);
                }
                case "ES256" -> {
                    return signature.length == 64 && verifyWith("SHA256withECDSAinP1363Format", key(kid), signed, signature);
                }
                default -> throw invalid("algorithm '" + algorithm + "' is not accepted (HS256, RS256, ES256)");
            }
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private PublicKey key(String kid) throws GatewayException {
        PublicKey key = keys.get(kid);
        if (key == null && keys.size() == 1 && kid.isEmpty()) {
            key = keys.values().iterator().next();
        }
        if (key == null) {
            throw invalid("unknown signing key '" + kid + "'");
        }
        return key;
    }

    private static boolean verifyWith(String algorithm, PublicKey key, byte[] signed, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(key);
        verifier.update(signed);
        return verifier.verify(signature);
    }

    private void checkClaims(JsonNode payload) throws GatewayException {
        Instant now = clock.instant();
        long skew = config.clockSkew().toSeconds();
        if (!payload.path("exp").canConvertToLong()) {
            throw invalid("the token has no expiry (exp)");
        }
        if (now.getEpochSecond() > payload.path("exp").asLong() + skew) {
            throw invalid("the token has expired");
        }
        if (payload.has("nbf") && now.getEpochSecond() + skew < payload.path("nbf").asLong()) {
            throw invalid("the token is not valid yet");
        }
        if (config.issuer() != null && !config.issuer().equals(payload.path("iss").asText(null))) {
            throw invalid("wrong issuer");
        }
        if (config.audience() != null) {
            JsonNode aud = payload.path("aud");
            boolean matches = aud.isTextual() ? aud.asText().equals(config.audience())
                    : aud.isArray() && java.util.stream.StreamSupport.stream(aud.spliterator(), false).anyMatch(a -> a.asText().equals(config.audience()));
            if (!matches) {
                throw invalid("wrong audience");
            }
        }
    }

    private static BigInteger unsigned(String base64Url) {
        return new BigInteger(1, URL.decode(base64Url));
    }

    private static GatewayException invalid(String why) {
        return new GatewayException(ErrorCategory.AUTHENTICATION, "Invalid bearer token: " + why + ".");
    }
}
