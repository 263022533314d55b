package io.policygateway.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWT bearer tokens on /policy: HS256 and ES256 (JWKS file), expiry, audience, required project. */
class JwtAuthenticationTest {
    private static final String SECRET = "a-test-secret-that-is-at-least-32-characters";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @TempDir
    Path home;

    private static String hs256(String payload) throws Exception {
        String signed = URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signed + "." + URL.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String claims(long expiresIn, String audience) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"sub\":\"alice\",\"iss\":\"https://idp.example\",\"aud\":\"" + audience + "\",\"exp\":" + (now + expiresIn) + ",\"roles\":[\"agent\"]}";
    }

    private static String config(String upstream, String jwt) {
        return "providers:\n  up: { type: test-openai-format, base_url: " + upstream + " }\n" + jwt
                + "policies:\n  - id: p\n    rules:\n      - { policyId: agents-only, kind: access, stage: request, scope: global, access: { roles: [agent] } }\n"
                + "projects:\n  - { id: app, policy: p }\n";
    }

    @Test
    void hs256TokensAreCheckedForSignatureExpiryAudienceAndProject() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().otherwise(r -> Reply.status(200, OpenAiWire.completion("test-model", "ok", 1, 1)));
                TestGateway gateway = TestGateway.builder().home(home).config(config(upstream.baseUrl(),
                        "jwt: { hs256_secret: \"" + SECRET + "\", issuer: \"https://idp.example\", audience: gateway, clock_skew: 5s }\n")).start()) {
            String body = OpenAiWire.chatRequest("test-model", "hi", false);
            HttpResponse<String> good = gateway.post("/policy/chat/completions", body, "authorization", "Bearer " + hs256(claims(300, "gateway")),
                    "x-policy-project", "app");
            assertEquals(200, good.statusCode(), good.body());
            HttpResponse<String> expired = gateway.post("/policy/chat/completions", body, "authorization", "Bearer " + hs256(claims(-60, "gateway")),
                    "x-policy-project", "app");
            assertEquals(401, expired.statusCode());
            assertTrue(expired.body().contains("expired"));
            HttpResponse<String> wrongAudience = gateway.post("/policy/chat/completions", body, "authorization",
                    "Bearer " + hs256(claims(300, "someone-else")), "x-policy-project", "app");
            assertEquals(401, wrongAudience.statusCode());
            assertTrue(wrongAudience.body().contains("audience"));
            HttpResponse<String> noProject = gateway.post("/policy/chat/completions", body, "authorization", "Bearer " + hs256(claims(300, "gateway")));
            assertEquals(403, noProject.statusCode());
            assertTrue(noProject.body().contains("X-Policy-Project header is required"), noProject.body());
            String tampered = hs256(claims(300, "gateway"));
            tampered = tampered.substring(0, tampered.length() - 3) + (tampered.endsWith("A") ? "BBB" : "AAA");
            assertEquals(401, gateway.post("/policy/chat/completions", body, "authorization", "Bearer " + tampered, "x-policy-project", "app").statusCode());
        }
    }

    @Test
    void es256TokensVerifyAgainstAJwksFile() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k1\",\"x\":\"" + URL.encodeToString(fixed(key.getW().getAffineX().toByteArray()))
                + "\",\"y\":\"" + URL.encodeToString(fixed(key.getW().getAffineY().toByteArray())) + "\"}]}";
        Path jwksFile = Files.writeString(home.resolve("jwks.json"), jwks);
        String signed = URL.encodeToString("{\"alg\":\"ES256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims(300, "gateway").getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(pair.getPrivate());
        signer.update(signed.getBytes(StandardCharsets.US_ASCII));
        String token = signed + "." + URL.encodeToString(signer.sign());
        try (FakeUpstream upstream = FakeUpstream.start().otherwise(r -> Reply.status(200, OpenAiWire.completion("test-model", "ok", 1, 1)));
                TestGateway gateway = TestGateway.builder().home(home).config(config(upstream.baseUrl(),
                        "jwt: { jwks_file: \"" + jwksFile + "\", audience: gateway }\n")).start()) {
            HttpResponse<String> response = gateway.post("/policy/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false),
                    "authorization", "Bearer " + token, "x-policy-project", "app");
            assertEquals(200, response.statusCode(), response.body());
        }
    }

    private static byte[] fixed(byte[] unsigned) {
        byte[] out = new byte[32];
        int copy = Math.min(32, unsigned.length);
        System.arraycopy(unsigned, unsigned.length - copy, out, 32 - copy, copy);
        return out;
    }
}
