package io.policygateway.plugins.wordfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordFilterGuardrailTest {
    private final TestPluginContext context = new TestPluginContext();

    private Guardrail guardrail(String config) {
        return new WordFilterGuardrailFactory().create(Chats.config(config), context);
    }

    @Test
    void allowsARequestWithoutBannedWords() throws Exception {
        assertSame(Verdict.allow(), guardrail("{\"words\": [\"darn\"]}").beforeRequest(Chats.request("t", "Hello there")));
    }

    @Test
    void blocksARequestWithABannedWordWithoutQuotingIt() throws Exception {
        Verdict verdict = guardrail("{\"words\": [\"darn\"]}").beforeRequest(Chats.request("t", "well D\u0430RN"));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("BANNED_WORD", verdict.reasonCode());
        assertEquals(Map.of("matches", 1), verdict.details());
        assertFalse(verdict.message().toLowerCase().contains("darn"));
    }

    @Test
    void redactsBannedWordsWithTheReplacement() throws Exception {
        Verdict verdict = guardrail("{\"words\": [\"darn\", \"blast it\"], \"action\": \"redact\", \"replacement\": \"***\"}")
                .beforeRequest(Chats.request("t", "Darn, blast it, darn!"));
        assertEquals(Decision.REWRITE, verdict.decision());
        assertEquals("***, ***, ***!", Chats.userText(verdict.replacement().orElseThrow(), 1));
        assertEquals(Map.of("matches", 3), verdict.details());
    }

    @Test
    void warnsWithoutChangingTheRequest() throws Exception {
        Verdict verdict = guardrail("{\"words\": [\"darn\"], \"action\": \"warn\"}").beforeRequest(Chats.request("t", "darn"));
        assertEquals(Decision.WARN, verdict.decision());
    }

    @Test
    void leavesAnswersAloneUnlessAskedToScanThem() throws Exception {
        GuardrailRequest request = Chats.request("t", "hi");
        assertSame(Verdict.allow(), guardrail("{\"words\": [\"darn\"]}").afterResponse(Chats.answer(request, "darn")));
        assertSame(StreamGuard.PASS_THROUGH, guardrail("{\"words\": [\"darn\"]}").openStream(request));
        Verdict verdict = guardrail("{\"words\": [\"darn\"], \"scanResponses\": true}").afterResponse(Chats.answer(request, "darn"));
        assertEquals(Decision.BLOCK, verdict.decision());
    }

    @Test
    void redactsATermSplitAcrossThreeStreamChunks() {
        StreamGuard guard = guardrail("{\"words\": [\"blast it\"], \"action\": \"redact\", \"scanResponses\": true}")
                .openStream(Chats.request("t", "hi"));
        Chats.Streamed streamed = Chats.stream(guard, "Oh bla", "st i", "t, the build failed.");
        assertFalse(streamed.released().contains("blast"));
        assertEquals("Oh [REDACTED], the build failed.", streamed.released());
        assertEquals("BANNED_WORD", streamed.lastStep().verdict().orElseThrow().reasonCode());
    }

    @Test
    void holdsTheWholeAnswerInBufferMode() {
        StreamGuard guard = guardrail("{\"words\": [\"darn\"], \"action\": \"redact\", \"scanResponses\": true, "
                + "\"streamMode\": \"buffer\"}").openStream(Chats.request("t", "hi"));
        assertEquals("", guard.onText("a long enough answer that a window of sixty-four characters would release, darn").release());
        assertEquals("a long enough answer that a window of sixty-four characters would release, [REDACTED]!",
                guard.onText("!").release() + guard.finish().release());
    }

    @Test
    void blocksAStreamAtTheBannedWord() {
        StreamGuard guard = guardrail("{\"words\": [\"darn\"], \"scanResponses\": true}").openStream(Chats.request("t", "hi"));
        Chats.Streamed streamed = Chats.stream(guard, "All fine until d", "ar", "n happened");
        assertEquals("All fine until ", streamed.released());
        assertEquals(Decision.BLOCK, streamed.lastStep().verdict().orElseThrow().decision());
    }
}
