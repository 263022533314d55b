package io.policygateway.plugins.piiredact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import org.junit.jupiter.api.Test;

class PiiStreamTest {
    private final TestPluginContext context = new TestPluginContext();

    private Guardrail guardrail(String config) {
        return new PiiRedactGuardrailFactory().create(Chats.config(config), context);
    }

    @Test
    void redactsAnEmailSplitAcrossThreeChunksBeforeTheCallerSeesIt() {
        StreamGuard guard = guardrail("{}").openStream(Chats.request("s1", "Who handles billing?"));
        Chats.Streamed streamed = Chats.stream(guard, "Please write to anna.ber", "g@exam", "ple.org for invoices.");
        assertFalse(streamed.released().contains("anna"));
        assertFalse(streamed.released().contains("ple.org"));
        assertEquals("Please write to [EMAIL_1] for invoices.", streamed.released());
        Verdict summary = streamed.lastStep().verdict().orElseThrow();
        assertEquals(Decision.REWRITE, summary.decision());
        assertEquals("PII_REDACTED", summary.reasonCode());
        assertEquals(1, summary.details().get("email"));
    }

    @Test
    void redactsACardNumberSplitInsideItsDigitGroups() {
        StreamGuard guard = guardrail("{}").openStream(Chats.request("s2", "card?"));
        Chats.Streamed streamed = Chats.stream(guard, "Use 4111 11", "11 1111 1", "111 at checkout");
        assertFalse(streamed.released().replace(" ", "").contains("4111111111111111"));
        assertEquals("Use [CREDIT_CARD_1] at checkout", streamed.released());
    }

    @Test
    void releasesTextThatCanNoLongerBePartOfAMatchBeforeTheStreamEnds() {
        StreamGuard guard = guardrail("{\"streamWindow\": 16}").openStream(Chats.request("s3", "hi"));
        String first = guard.onText("The quick brown fox jumps over the lazy dog and keeps on running ").release();
        assertTrue(first.startsWith("The quick brown fox jumps over the lazy"), first);
        assertEquals("The quick brown fox jumps over the lazy dog and keeps on running away.",
                first + guard.onText("away.").release() + guard.finish().release());
    }

    @Test
    void blocksTheStreamAtThePersonalDataAndReleasesOnlyTheTextBeforeIt() {
        StreamGuard guard = guardrail("{\"action\": \"block\"}").openStream(Chats.request("s4", "ssn?"));
        Chats.Streamed streamed = Chats.stream(guard, "Your SSN is 123-", "45-67", "89 and more text follows here");
        assertEquals("Your SSN is ", streamed.released());
        Verdict verdict = streamed.lastStep().verdict().orElseThrow();
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("PII_DETECTED", verdict.reasonCode());
        assertEquals("", guard.onText("more").release());
    }

    @Test
    void restoresPlaceholdersSplitAcrossChunksInReversibleMode() throws Exception {
        Guardrail guardrail = guardrail("{\"reversible\": true}");
        GuardrailRequest request = Chats.request("s5", "Reply to ann@example.com please");
        guardrail.beforeRequest(request);
        StreamGuard guard = guardrail.openStream(request);
        Chats.Streamed streamed = Chats.stream(guard, "Sure, I wrote to [EMA", "IL_1", "] and to [EMAIL_2].");
        assertEquals("Sure, I wrote to ann@example.com and to [EMAIL_2].", streamed.released());
        assertEquals("PII_RESTORED", streamed.lastStep().verdict().orElseThrow().reasonCode());
    }

    @Test
    void buffersTheWholeAnswerAndScansItOnceInBufferMode() {
        StreamGuard guard = guardrail("{\"streamMode\": \"buffer\"}").openStream(Chats.request("s7", "hi"));
        String start = "A long answer that a sliding window would already start releasing, with an address at the end: ";
        assertEquals("", guard.onText(start).release());
        assertEquals("", guard.onText("ann@example.com.").release());
        assertEquals(start + "[EMAIL_1].", guard.finish().release());
    }

    @Test
    void releasesEveryChunkAtOnceAndOnlyLogsInPassThroughMode() {
        StreamGuard guard = guardrail("{\"streamMode\": \"pass-through\"}").openStream(Chats.request("s8", "hi"));
        assertEquals("Mail ann@exa", guard.onText("Mail ann@exa").release());
        assertEquals("mple.com now", guard.onText("mple.com now").release());
        Verdict verdict = guard.finish().verdict().orElseThrow();
        assertEquals(Decision.LOG_ONLY, verdict.decision());
        assertEquals("PII_DETECTED", verdict.reasonCode());
        assertEquals(1, verdict.details().get("email"));
    }

    @Test
    void passesAnAnswerWithoutPersonalDataThroughUnchanged() {
        StreamGuard guard = guardrail("{}").openStream(Chats.request("s6", "hi"));
        Chats.Streamed streamed = Chats.stream(guard, "Version 1.2.3.4 was ", "released on ", "2024-03-18.");
        assertEquals("Version 1.2.3.4 was released on 2024-03-18.", streamed.released());
        assertTrue(streamed.lastStep().verdict().isEmpty());
    }
}
