package io.policygateway.plugins.piiredact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiRedactGuardrailTest {
    private final TestPluginContext context = new TestPluginContext();

    private Guardrail guardrail(String config) {
        return new PiiRedactGuardrailFactory().create(Chats.config(config), context);
    }

    @Test
    void allowsARequestWithoutPersonalData() throws Exception {
        Verdict verdict = guardrail("{}").beforeRequest(Chats.request("t1", "Summarize our refund policy."));
        assertSame(Verdict.allow(), verdict);
    }

    @Test
    void redactsWithTypedPlaceholdersReusingThePlaceholderForARepeatedValue() throws Exception {
        Verdict verdict = guardrail("{}").beforeRequest(Chats.request("t1",
                "Mail ann@example.com or bob@example.com, then ANN@example.com again. Card 4111 1111 1111 1111.",
                "Her number is +44 20 7946 0958."));
        assertEquals(Decision.REWRITE, verdict.decision());
        assertEquals("PII_REDACTED", verdict.reasonCode());
        ObjectNode body = verdict.replacement().orElseThrow();
        assertEquals("Mail [EMAIL_1] or [EMAIL_2], then [EMAIL_1] again. Card [CREDIT_CARD_1].", Chats.userText(body, 1));
        assertEquals("Her number is [PHONE_1].", Chats.userText(body, 2));
        assertEquals("You are a helpful assistant.", Chats.userText(body, 0));
    }

    @Test
    void reportsCountsPerTypeButNeverTheValues() throws Exception {
        Verdict verdict = guardrail("{}").beforeRequest(Chats.request("t1", "ann@example.com, bob@example.com, SSN 123-45-6789"));
        assertEquals(Map.of("email", 2, "ssn", 1, "total", 3), verdict.details());
        assertFalse(verdict.message().contains("example.com"));
        assertFalse(verdict.message().contains("6789"));
        assertEquals("Personal data in the request was replaced with placeholders (2 email, 1 ssn).", verdict.message());
    }

    @Test
    void blocksWhenTheActionIsBlock() throws Exception {
        Verdict verdict = guardrail("{\"action\": \"block\"}").beforeRequest(Chats.request("t1", "IBAN GB82 WEST 1234 5698 7654 32"));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("PII_DETECTED", verdict.reasonCode());
        assertEquals(Map.of("iban", 1, "total", 1), verdict.details());
        assertTrue(verdict.replacement().isEmpty());
    }

    @Test
    void warnsOrLogsWithoutChangingTheRequest() throws Exception {
        GuardrailRequest request = Chats.request("t1", "call +1 415 555 0123");
        Verdict warn = guardrail("{\"action\": \"warn\"}").beforeRequest(request);
        assertEquals(Decision.WARN, warn.decision());
        assertTrue(warn.replacement().isEmpty());
        Verdict logOnly = guardrail("{\"action\": \"log-only\"}").beforeRequest(request);
        assertEquals(Decision.LOG_ONLY, logOnly.decision());
        assertEquals("PII_DETECTED", logOnly.reasonCode());
    }

    @Test
    void leavesTypesOutsideTheConfiguredCategoriesAlone() throws Exception {
        Verdict verdict = guardrail("{\"categories\": [\"email\"]}").beforeRequest(
                Chats.request("t1", "ann@example.com, +44 20 7946 0958"));
        assertEquals("[EMAIL_1], +44 20 7946 0958", Chats.userText(verdict.replacement().orElseThrow(), 1));
    }

    @Test
    void redactsPersonalDataInTheModelsAnswer() throws Exception {
        Guardrail guardrail = guardrail("{}");
        GuardrailRequest request = Chats.request("t1", "Who is the contact?");
        Verdict verdict = guardrail.afterResponse(Chats.answer(request, "Write to press@example.org."));
        assertEquals(Decision.REWRITE, verdict.decision());
        assertEquals("Write to [EMAIL_1].", Chats.answerText(verdict.replacement().orElseThrow()));
    }

    @Test
    void restoresOriginalsInTheAnswerInReversibleMode() throws Exception {
        Guardrail guardrail = guardrail("{\"reversible\": true}");
        GuardrailRequest request = Chats.request("trace-7", "Draft a reply to ann@example.com about card 4111 1111 1111 1111.");
        Verdict before = guardrail.beforeRequest(request);
        assertEquals("Draft a reply to [EMAIL_1] about card [CREDIT_CARD_1].",
                Chats.userText(before.replacement().orElseThrow(), 1));
        GuardrailRequest upstream = new GuardrailRequest(request.context(), request.clientFormat(), request.model(),
                before.replacement().orElseThrow());

        Verdict after = guardrail.afterResponse(Chats.answer(upstream, "Dear [EMAIL_1], we refunded [CREDIT_CARD_1]. [EMAIL_9]"));

        assertEquals(Decision.REWRITE, after.decision());
        assertEquals("PII_RESTORED", after.reasonCode());
        assertEquals("Dear ann@example.com, we refunded 4111 1111 1111 1111. [EMAIL_9]",
                Chats.answerText(after.replacement().orElseThrow()));
    }

    @Test
    void restoresOnlyOnceAndForgetsTheMappingAfterwards() throws Exception {
        Guardrail guardrail = guardrail("{\"reversible\": true}");
        GuardrailRequest request = Chats.request("trace-8", "ann@example.com");
        guardrail.beforeRequest(request);
        guardrail.afterResponse(Chats.answer(request, "[EMAIL_1]"));
        Verdict second = guardrail.afterResponse(Chats.answer(request, "[EMAIL_1]"));
        assertSame(Verdict.allow(), second);
    }

    @Test
    void restoresNothingWhenTwoRequestsInFlightShareATraceId() throws Exception {
        Guardrail guardrail = guardrail("{\"reversible\": true}");
        GuardrailRequest first = Chats.request("reused-id", "ann@example.com");
        GuardrailRequest second = Chats.request("reused-id", "eve@example.net");
        guardrail.beforeRequest(first);
        guardrail.beforeRequest(second);
        Verdict after = guardrail.afterResponse(Chats.answer(first, "Hello [EMAIL_1]"));
        assertSame(Verdict.allow(), after);
    }

    @Test
    void forgetsTheMappingWhenTheRequestFails() throws Exception {
        Guardrail guardrail = guardrail("{\"reversible\": true}");
        GuardrailRequest request = Chats.request("trace-9", "ann@example.com");
        guardrail.beforeRequest(request);
        guardrail.onError(request, io.policygateway.api.GatewayException.invalid("model", "unknown model"));
        assertSame(Verdict.allow(), guardrail.afterResponse(Chats.answer(request, "[EMAIL_1]")));
    }

    @Test
    void forgetsAMappingWhoseAnswerNeverCame() throws Exception {
        Guardrail guardrail = guardrail("{\"reversible\": true}");
        GuardrailRequest request = Chats.request("trace-10", "ann@example.com");
        guardrail.beforeRequest(request);
        context.advance(PiiRedactGuardrailFactory.MAPPING_TIME_TO_LIVE.plusSeconds(1));
        assertSame(Verdict.allow(), guardrail.afterResponse(Chats.answer(request, "[EMAIL_1]")));
    }
}
