package io.policygateway.plugins.secretscan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import org.junit.jupiter.api.Test;

class SecretStreamTest {
    private final TestPluginContext context = new TestPluginContext();

    private StreamGuard stream(String config) {
        Guardrail guardrail = new SecretScanGuardrailFactory().create(Chats.config(config), context);
        return guardrail.openStream(Chats.request("s1", "show me the config"));
    }

    @Test
    void blocksATokenSplitAcrossThreeChunksBeforeAnyOfItReachesTheCaller() {
        String token = FakeCredentials.githubToken(41);
        Chats.Streamed streamed = Chats.stream(stream("{}"), "Here it is: " + token.substring(0, 10),
                token.substring(10, 25), token.substring(25) + " enjoy.");
        assertEquals("Here it is: ", streamed.released());
        Verdict verdict = streamed.lastStep().verdict().orElseThrow();
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("SECRET_DETECTED", verdict.reasonCode());
    }

    @Test
    void redactsATokenSplitAcrossThreeChunks() {
        String token = FakeCredentials.openAiProjectKey(42);
        Chats.Streamed streamed = Chats.stream(stream("{\"action\": \"redact\"}"), "export OPENAI_API_KEY=" + token.substring(0, 7),
                token.substring(7, 60), token.substring(60) + "\nthen run it.");
        assertFalse(streamed.released().contains(token.substring(8, 20)));
        assertEquals("export OPENAI_API_KEY=[OPENAI_KEY_1]\nthen run it.", streamed.released());
        assertEquals("SECRET_REDACTED", streamed.lastStep().verdict().orElseThrow().reasonCode());
    }

    @Test
    void redactsAPrivateKeyStreamedLineByLine() {
        String pem = FakeCredentials.privateKey(43, 25);
        String[] lines = pem.split("(?<=\n)");
        String[] chunks = new String[lines.length + 2];
        chunks[0] = "Your key:\n";
        System.arraycopy(lines, 0, chunks, 1, lines.length);
        chunks[chunks.length - 1] = "\nKeep it safe.";
        Chats.Streamed streamed = Chats.stream(stream("{\"action\": \"redact\"}"), chunks);
        assertEquals("Your key:\n[PRIVATE_KEY_1]\nKeep it safe.", streamed.released());
    }

    @Test
    void endsTheStreamWhenAPrivateKeyOutgrowsTheHoldBackLimit() {
        String pem = FakeCredentials.privateKey(44, 40);
        StreamGuard guard = stream("{\"action\": \"redact\", \"streamMaxHold\": 1024}");
        StringBuilder released = new StringBuilder();
        Verdict verdict = null;
        for (String line : pem.split("(?<=\n)")) {
            StreamGuard.Step step = guard.onText(line);
            released.append(step.release());
            if (step.verdict().isPresent()) {
                verdict = step.verdict().get();
                break;
            }
        }
        assertTrue(verdict != null && verdict.decision() == Decision.BLOCK, "the stream was not ended");
        assertFalse(released.toString().contains(pem.substring(40, 80)));
    }

    @Test
    void onlyRecordsCredentialsInPassThroughMode() {
        String token = FakeCredentials.githubToken(45);
        StreamGuard guard = stream("{\"streamMode\": \"pass-through\"}");
        assertEquals("use " + token.substring(0, 9), guard.onText("use " + token.substring(0, 9)).release());
        guard.onText(token.substring(9) + " now");
        Verdict verdict = guard.finish().verdict().orElseThrow();
        assertEquals(Decision.LOG_ONLY, verdict.decision());
        assertEquals("SECRET_DETECTED", verdict.reasonCode());
    }

    @Test
    void passesAnAnswerWithoutCredentialsThroughUnchanged() {
        Chats.Streamed streamed = Chats.stream(stream("{}"), "Store the key in ", "a secrets manager and ", "rotate it every 90 days.");
        assertEquals("Store the key in a secrets manager and rotate it every 90 days.", streamed.released());
        assertTrue(streamed.lastStep().verdict().isEmpty());
    }
}
