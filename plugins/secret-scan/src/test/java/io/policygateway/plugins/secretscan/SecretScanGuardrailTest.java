package io.policygateway.plugins.secretscan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretScanGuardrailTest {
    private final TestPluginContext context = new TestPluginContext();

    private Guardrail guardrail(String config) {
        return new SecretScanGuardrailFactory().create(Chats.config(config), context);
    }

    @Test
    void allowsARequestWithoutCredentials() throws Exception {
        assertSame(Verdict.allow(), guardrail("{}").beforeRequest(Chats.request("t1", "How do I rotate a GitHub token?")));
    }

    @Test
    void blocksByDefaultWithoutRepeatingTheSecret() throws Exception {
        String token = FakeCredentials.githubToken(31);
        Verdict verdict = guardrail("{}").beforeRequest(Chats.request("t1", "My token " + token + " stopped working"));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("SECRET_DETECTED", verdict.reasonCode());
        assertEquals(Map.of("github_token", 1, "total", 1), verdict.details());
        assertFalse(verdict.message().contains(token));
        assertEquals("The request contains credentials (1 github_token).", verdict.message());
    }

    @Test
    void redactsWithTypedPlaceholders() throws Exception {
        String id = FakeCredentials.awsAccessKeyId(32);
        String secret = FakeCredentials.awsSecretAccessKey(33);
        String other = FakeCredentials.githubToken(34);
        Verdict verdict = guardrail("{\"action\": \"redact\"}").beforeRequest(Chats.request("t1",
                "aws_access_key_id = " + id + "\naws_secret_access_key = " + secret + "\ntoken " + other + " and again " + other));
        assertEquals(Decision.REWRITE, verdict.decision());
        assertEquals("SECRET_REDACTED", verdict.reasonCode());
        assertEquals("aws_access_key_id = [AWS_ACCESS_KEY_ID_1]\naws_secret_access_key = [AWS_SECRET_ACCESS_KEY_1]\n"
                + "token [GITHUB_TOKEN_1] and again [GITHUB_TOKEN_1]", Chats.userText(verdict.replacement().orElseThrow(), 1));
        assertEquals(4, verdict.details().get("total"));
    }

    @Test
    void redactsGenericSecretsAsSecret() throws Exception {
        Verdict verdict = guardrail("{\"action\": \"redact\"}").beforeRequest(Chats.request("t1", "DB_PASSWORD=Tr0ub4dor&3x"));
        assertEquals("DB_PASSWORD=[SECRET_1]", Chats.userText(verdict.replacement().orElseThrow(), 1));
    }

    @Test
    void warnsOrLogsWithoutChangingTheRequest() throws Exception {
        GuardrailRequest request = Chats.request("t1", "key " + FakeCredentials.stripeSecretKey(35));
        assertEquals(Decision.WARN, guardrail("{\"action\": \"warn\"}").beforeRequest(request).decision());
        Verdict logged = guardrail("{\"action\": \"log-only\"}").beforeRequest(request);
        assertEquals(Decision.LOG_ONLY, logged.decision());
        assertTrue(logged.replacement().isEmpty());
    }

    @Test
    void looksOnlyForTheConfiguredCategories() throws Exception {
        GuardrailRequest request = Chats.request("t1", "key " + FakeCredentials.stripeSecretKey(36));
        assertSame(Verdict.allow(), guardrail("{\"categories\": [\"github_token\"]}").beforeRequest(request));
    }

    @Test
    void blocksACredentialInTheModelsAnswer() throws Exception {
        GuardrailRequest request = Chats.request("t1", "give me an example config");
        Verdict verdict = guardrail("{}").afterResponse(Chats.answer(request, "Use " + FakeCredentials.googleApiKey(37)));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("The answer contains credentials (1 google_api_key).", verdict.message());
    }
}
