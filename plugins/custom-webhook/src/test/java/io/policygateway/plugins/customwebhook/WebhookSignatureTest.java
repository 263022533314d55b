package io.policygateway.plugins.customwebhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void matchesTheRfc4231TestVector() {
        // RFC 4231, test case 2
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void changesWhenTheBodyOrTheSecretChanges() {
        byte[] body = "{\"hook\":\"before_request\"}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign("secret-one", body);
        assertNotEquals(signature, WebhookSignature.sign("secret-two", body));
        assertNotEquals(signature, WebhookSignature.sign("secret-one", "{\"hook\":\"after_request\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
