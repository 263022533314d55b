package io.policygateway.plugins.requestlogger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CredentialMaskerTest {

    @Test
    void masksEachObviousCredentialShape() {
        String[][] cases = {
            {"Authorization: Bearer abcDEF123456789.xyz", "Authorization: Bearer ****"},
            {"my key is sk-proj-AbCdEf0123456789AbCdEf0123 ok", "my key is sk-proj-**** ok"},
            {"anthropic sk-ant-api03-AbCdEf0123456789AbCd", "anthropic sk-ant-****"},
            {"aws AKIAIOSFODNN7EXAMPLE here", "aws AKIAIOSF**** here"},
            {"gh ghp_abcdefghijklmnopqrstuvwxyz0123456789", "gh ghp_****"},
            {"slack xoxb-123456789012-abcdefghij", "slack xoxb-****"},
            {"stripe sk_live_abcdefghij0123456789", "stripe sk_live_****"},
            {"google AIzaSyA-abcdefghijklmnopqrstuvwxyz012345", "google AIza****"},
            {"jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.SflKxwRJSMeKKF2QT4fwpM", "jwt ****"},
            {"db postgres://admin:hunter22@db.internal:5432/x", "db postgres://admin:****@db.internal:5432/x"},
            {"password=hunter22 and api_key: abcd1234", "password=**** and api_key: ****"},
        };
        for (String[] example : cases) {
            assertEquals(example[1], CredentialMasker.mask(example[0]), example[0]);
        }
    }

    @Test
    void masksAPemPrivateKeyWholeEvenWhenItsEndIsCutOff() {
        String pem = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\nabc\n-----END RSA PRIVATE KEY-----\nthanks";
        assertEquals("key:\n-----BEGIN RSA PRIVATE KEY-----****-----END RSA PRIVATE KEY-----\nthanks", CredentialMasker.mask(pem));
        String cut = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
        assertFalse(CredentialMasker.mask(cut).contains("MIIEv"), CredentialMasker.mask(cut));
    }

    @Test
    void keepsAMaskedJsonDocumentValid() throws Exception {
        ObjectNode body = Chats.json("{\"messages\":[{\"role\":\"user\",\"content\":\"use sk-proj-AbCdEf0123456789AbCdEf0123 and "
                + "{\\\"password\\\": \\\"hunter22\\\"} and\\n-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\"}]}");

        String masked = CredentialMasker.mask(TestPluginContext.JSON.writeValueAsString(body));

        String content = TestPluginContext.JSON.readTree(masked).at("/messages/0/content").asText();
        assertEquals("use sk-proj-**** and {\"password\": \"****\"} and\n-----BEGIN PRIVATE KEY-----****-----END PRIVATE KEY-----", content);
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "The task-list has 12 items; see https://example.com/docs?page=2 and ask Bob at bob@example.com.";
        assertEquals(text, CredentialMasker.mask(text));
    }
}
