package io.policygateway.plugins.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicGuardrailTest {

    private static Guardrail guardrail(String json) {
        return new TopicFactory().create(Chats.config(json), new TestPluginContext(Map.of()));
    }

    @Test
    void blocksADeniedTopicAndNamesIt() throws Exception {
        Verdict verdict = guardrail("{\"deny\": [\"medical_advice\"]}")
                .beforeRequest(Chats.request("user", "What's the maximum dose of ibuprofen I can take?"));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("TOPIC_DENIED", verdict.reasonCode());
        assertEquals(List.of("medical_advice"), verdict.details().get("topics"));
        assertEquals("deny", verdict.details().get("mode"));
    }

    @Test
    void letsOtherTopicsThrough() throws Exception {
        assertEquals(Decision.ALLOW, guardrail("{\"deny\": [\"medical_advice\"]}")
                .beforeRequest(Chats.request("user", "Should I refinance my mortgage now?")).decision());
    }

    @Test
    void inAllowModeRefusesRecognisedTopicsOutsideTheListButNotSmallTalk() throws Exception {
        Guardrail guardrail = guardrail("{\"allow\": [\"financial_advice\"]}");
        assertEquals(Decision.ALLOW, guardrail.beforeRequest(Chats.request("user", "Should I refinance my mortgage?")).decision());
        assertEquals(Decision.ALLOW, guardrail.beforeRequest(Chats.request("user", "Thanks, that helps!")).decision());
        Verdict offTopic = guardrail.beforeRequest(Chats.request("user", "Who should I vote for in the election?"));
        assertEquals(Decision.BLOCK, offTopic.decision());
        assertEquals(List.of("politics"), offTopic.details().get("topics"));
    }

    @Test
    void recognisesCustomTopics() throws Exception {
        Guardrail guardrail = guardrail("{\"deny\": [\"competitors\"], \"custom_topics\": {\"competitors\": [\"acme corp\", "
                + "\"globex\"]}}");
        assertEquals(Decision.BLOCK, guardrail.beforeRequest(Chats.request("user", "Is Acme Corp cheaper than you?")).decision());
        assertEquals(Decision.ALLOW, guardrail.beforeRequest(Chats.request("user", "What are your opening hours?")).decision());
    }

    @Test
    void checksTheModelsAnswer() throws Exception {
        Verdict verdict = guardrail("{\"deny\": [\"weapons\"]}")
                .afterResponse(Chats.response("A semi-automatic rifle fires one round per trigger pull."));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("choices[0].message.content", verdict.details().get("message"));
    }

    @Test
    void ignoresTheSystemPromptByDefault() throws Exception {
        assertEquals(Decision.ALLOW, guardrail("{\"deny\": [\"politics\"]}").beforeRequest(Chats.request(
                "system", "Never discuss elections or politics.", "user", "Recommend a sci-fi novel.")).decision());
    }

    @Test
    void logsOnlyWhenConfigured() throws Exception {
        assertEquals(Decision.LOG_ONLY, guardrail("{\"deny\": [\"politics\"], \"action\": \"log-only\"}")
                .beforeRequest(Chats.request("user", "Explain how the electoral college works.")).decision());
    }

    @Test
    void stopsAStreamWhenTheAnswerTurnsToADeniedTopic() {
        StreamGuard stream = guardrail("{\"deny\": [\"legal_advice\"]}").openStream(Chats.request("user", "hi"));
        StreamGuard.Step first = stream.onText("Here is a banana bread recipe. ");
        assertEquals("Here is a banana bread recipe. ", first.release());
        StreamGuard.Step second = stream.onText("Also, you can sue your landlord in small claims court. ");
        assertTrue(second.verdict().isPresent());
        assertEquals(Decision.BLOCK, second.verdict().get().decision());
        assertEquals("", second.release());
    }
}
