package io.policygateway.plugins.toxicity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToxicityGuardrailTest {

    private static Guardrail guardrail(String json) {
        return new ToxicityFactory().create(Chats.config(json), new TestPluginContext(Map.of()));
    }

    @Test
    void blocksAnInsultInTheRequestWithScoreAndSignals() throws Exception {
        Verdict verdict = guardrail("{}").beforeRequest(Chats.request("user", "You are a worthless idiot, fix my code."));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("TOXIC_CONTENT", verdict.reasonCode());
        assertTrue(((List<?>) verdict.details().get("signals")).contains("insult/second_person_insult"));
        assertEquals("messages[0].content", verdict.details().get("message"));
        assertFalse(verdict.message().contains("idiot"), verdict.message());
    }

    @Test
    void allowsCriticismIdiomsAndReportedInsults() throws Exception {
        Guardrail guardrail = guardrail("{}");
        for (String text : List.of("This bug is killing me.", "Your proposal ignores the costs entirely.",
                "My boss called me an idiot in front of everyone. How should I handle it?")) {
            assertEquals(Decision.ALLOW, guardrail.beforeRequest(Chats.request("user", text)).decision(), text);
        }
    }

    @Test
    void checksTheModelsAnswer() throws Exception {
        Verdict verdict = guardrail("{}").afterResponse(Chats.response("Honestly, people like you are pathetic losers."));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("choices[0].message.content", verdict.details().get("message"));
    }

    @Test
    void warnsWhenConfiguredToWarn() throws Exception {
        assertEquals(Decision.WARN, guardrail("{\"action\": \"warn\"}")
                .beforeRequest(Chats.request("user", "Shut up, you moron.")).decision());
    }

    @Test
    void countsOnlyTheConfiguredCategories() throws Exception {
        Guardrail threatsOnly = guardrail("{\"categories\": [\"threat\"]}");
        assertEquals(Decision.ALLOW, threatsOnly.beforeRequest(Chats.request("user", "You are an idiot.")).decision());
        assertEquals(Decision.BLOCK, threatsOnly.beforeRequest(Chats.request("user", "I will hurt you.")).decision());
    }

    @Test
    void releasesCleanSentencesOfAStreamAndStopsAtAToxicOne() {
        StreamGuard stream = guardrail("{}").openStream(Chats.request("user", "hi"));
        assertEquals("", stream.onText("Sure, here is the sum").release());
        StreamGuard.Step first = stream.onText("mary. The result ");
        assertEquals("Sure, here is the summary. ", first.release());
        assertTrue(first.verdict().isEmpty());
        StreamGuard.Step second = stream.onText("is fine, you pathetic mor");
        assertEquals("", second.release());
        StreamGuard.Step third = stream.onText("on. Anything else?");
        assertEquals(Decision.BLOCK, third.verdict().orElseThrow().decision());
        assertEquals("", third.release());
        assertEquals("", stream.finish().release());
    }

    @Test
    void checksABufferedStreamOnceAtTheEnd() {
        StreamGuard stream = guardrail("{\"stream\": \"buffer\"}").openStream(Chats.request("user", "hi"));
        assertEquals("", stream.onText("All good. Have a nice day.").release());
        StreamGuard.Step end = stream.finish();
        assertEquals("All good. Have a nice day.", end.release());
        assertTrue(end.verdict().isEmpty());
    }
}
