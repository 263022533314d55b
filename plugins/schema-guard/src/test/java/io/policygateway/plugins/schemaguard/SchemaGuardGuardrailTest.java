package io.policygateway.plugins.schemaguard;

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

class SchemaGuardGuardrailTest {
    private static final String SCHEMA = "{\"type\": \"object\", \"required\": [\"name\", \"age\"], \"properties\": "
            + "{\"name\": {\"type\": \"string\"}, \"age\": {\"type\": \"integer\", \"minimum\": 0}}, "
            + "\"additionalProperties\": false}";

    private static Guardrail guardrail(String extraJson) {
        return new SchemaGuardFactory().create(Chats.config("{\"schema\": " + SCHEMA
                + (extraJson.isEmpty() ? "" : ", " + extraJson) + "}"), new TestPluginContext(Map.of()));
    }

    @Test
    void allowsAValidAnswer() throws Exception {
        assertEquals(Decision.ALLOW, guardrail("").afterResponse(Chats.response("{\"name\": \"Ada\", \"age\": 36}")).decision());
    }

    @Test
    void findsTheJsonInsideACodeFenceOrProse() throws Exception {
        Guardrail guardrail = guardrail("");
        assertEquals(Decision.ALLOW, guardrail.afterResponse(Chats.response(
                "Here you go:\n```json\n{\"name\": \"Ada\", \"age\": 36}\n```\nAnything else?")).decision());
        assertEquals(Decision.ALLOW, guardrail.afterResponse(Chats.response(
                "The record is {\"name\": \"Ada\", \"age\": 36} as requested.")).decision());
    }

    @Test
    void blocksAnInvalidAnswerWithTheFirstErrors() throws Exception {
        Verdict verdict = guardrail("\"max_errors\": 2").afterResponse(
                Chats.response("```json\n{\"name\": 7, \"age\": -1, \"extra\": true}\n```"));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("SCHEMA_INVALID", verdict.reasonCode());
        List<?> errors = (List<?>) verdict.details().get("errors");
        assertEquals(2, errors.size());
        assertEquals(3, verdict.details().get("error_count"));
        assertTrue(verdict.message().contains("(and 2 more)"), verdict.message());
        assertFalse(verdict.details().containsKey("retry"));
    }

    @Test
    void blocksAnAnswerWithoutJsonUnlessJsonIsOptional() throws Exception {
        assertEquals(Decision.BLOCK, guardrail("").afterResponse(Chats.response("Sorry, I can't help with that.")).decision());
        assertEquals(Decision.ALLOW, guardrail("\"require_json\": false")
                .afterResponse(Chats.response("Sorry, I can't help with that.")).decision());
    }

    @Test
    void asksForOneRetryWithTheErrorsAndTheSchemaWhenConfigured() throws Exception {
        Verdict verdict = guardrail("\"on_failure\": \"retry\"").afterResponse(Chats.response("{\"name\": \"Ada\"}"));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals(true, verdict.details().get("retry"));
        String retryMessage = (String) verdict.details().get("retry_message");
        assertTrue(retryMessage.contains("required property 'age' not found") || retryMessage.contains("age"), retryMessage);
        assertTrue(retryMessage.contains("\"additionalProperties\":false"), retryMessage);
    }

    @Test
    void warnsInsteadOfBlockingWhenConfigured() throws Exception {
        assertEquals(Decision.WARN, guardrail("\"action\": \"warn\"").afterResponse(Chats.response("{}")).decision());
    }

    @Test
    void holdsABufferedStreamAndChecksItAtTheEnd() throws Exception {
        StreamGuard stream = guardrail("").openStream(Chats.request("user", "give me json"));
        assertEquals("", stream.onText("{\"name\": \"Ada\", ").release());
        assertEquals("", stream.onText("\"age\": \"old\"}").release());
        StreamGuard.Step end = stream.finish();
        assertEquals(Decision.BLOCK, end.verdict().orElseThrow().decision());
    }

    @Test
    void releasesAValidBufferedStreamWholeAtTheEnd() throws Exception {
        StreamGuard stream = guardrail("").openStream(Chats.request("user", "give me json"));
        stream.onText("{\"name\": \"Ada\", ");
        stream.onText("\"age\": 36}");
        StreamGuard.Step end = stream.finish();
        assertEquals("{\"name\": \"Ada\", \"age\": 36}", end.release());
        assertTrue(end.verdict().isEmpty());
    }
}
