package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The three scripts shipped in the distribution's policies folder do what their comments say. */
class ExampleScriptsTest {
    private final PolicyFolder folder = PolicyFolder.create();

    @AfterEach
    void close() throws Exception {
        folder.close();
    }

    private Guardrail shipped(String script, ObjectNode params) {
        ObjectNode config = folder.config(script);
        config.put("directory", ExampleScripts.FOLDER.toString());
        if (params != null) {
            config.set("params", params);
        }
        return folder.guardrail(config);
    }

    private static PolicyContext caller(String project, Map<String, String> headers, List<String> roles) {
        return new PolicyContext("trace-0002", "policy", "/chat/completions", Optional.of(project), Optional.empty(),
                Optional.empty(), Optional.of("key"), roles, Optional.empty(), headers);
    }

    @Test
    void blockCompetitorsBlocksQuestionsNamingAConfiguredCompetitor() throws Exception {
        ObjectNode params = Chat.JSON.createObjectNode();
        params.putArray("competitors").add("Umbrella Corp").add("Soylent");
        Guardrail guardrail = shipped("block-competitors.js", params);

        Verdict blocked = guardrail.beforeRequest(Chat.request("Is Umbrella Corp cheaper than you?"));
        Verdict allowed = guardrail.beforeRequest(Chat.request("Is Acme Corp cheaper than you?"));

        assertEquals(Decision.BLOCK, blocked.decision());
        assertEquals("COMPETITOR_MENTION", blocked.reasonCode());
        assertEquals(Decision.ALLOW, allowed.decision());
    }

    @Test
    void blockCompetitorsMasksNamesInAnswersAndStreams() throws Exception {
        Guardrail guardrail = shipped("block-competitors.js", null);
        GuardrailRequest request = Chat.request("Who else sells CRMs?");

        Verdict answer = guardrail.afterResponse(Chat.response(request, "Globex and Initech do, but we are better."));
        var stream = guardrail.openStream(request);

        assertEquals("COMPETITOR_MASKED", answer.reasonCode());
        assertEquals("[competitor] and [competitor] do, but we are better.",
                Chat.answer(answer.replacement().orElseThrow()));
        assertEquals("Try [competitor].", stream.onText("Try acme corp.").release());
        assertEquals(" Or us.", stream.onText(" Or us.").release());
        assertSame(Verdict.allow(), guardrail.afterResponse(Chat.response(request, "Only we do.")));
    }

    @Test
    void requireTicketIdBlocksSupportBotRequestsWithoutATicket() throws Exception {
        Guardrail guardrail = shipped("require-ticket-id.js", null);
        PolicyContext support = caller("support-bot", Map.of(), List.of());

        Verdict blocked = guardrail.beforeRequest(Chat.request(support, "Why was this customer charged twice?"));
        Verdict inMessage = guardrail.beforeRequest(Chat.request(support, "Customer on OPS-1234 was charged twice"));
        Verdict inHeader = guardrail.beforeRequest(Chat.request(
                caller("support-bot", Map.of("x-ticket-id", "BILL-77"), List.of()), "Why was this charged twice?"));
        Verdict otherProject = guardrail.beforeRequest(Chat.request(caller("marketing", Map.of(), List.of()), "Hi"));

        assertEquals(Decision.BLOCK, blocked.decision());
        assertEquals("TICKET_ID_REQUIRED", blocked.reasonCode());
        assertEquals("OPS-1234", inMessage.details().get("ticket"));
        assertEquals(Decision.ALLOW, inMessage.decision());
        assertEquals("BILL-77", inHeader.details().get("ticket"));
        assertSame(Verdict.allow(), otherProject);
    }

    @Test
    void requireTicketIdFollowsConfiguredProjectsAndPattern() throws Exception {
        ObjectNode params = Chat.JSON.createObjectNode();
        params.putArray("projects").add("billing");
        params.put("pattern", "INC\\d{6}");
        Guardrail guardrail = shipped("require-ticket-id.js", params);
        PolicyContext billing = caller("billing", Map.of(), List.of());

        assertEquals("TICKET_ID_REQUIRED", guardrail.beforeRequest(Chat.request(billing, "About OPS-1234")).reasonCode());
        assertEquals("INC004711", guardrail.beforeRequest(Chat.request(billing, "About INC004711")).details().get("ticket"));
        assertSame(Verdict.allow(), guardrail.beforeRequest(Chat.request(caller("support-bot", Map.of(), List.of()), "Hi")));
    }

    @Test
    void departmentSystemPromptAddsThePromptOfTheCallersDepartment() throws Exception {
        Guardrail guardrail = shipped("department-system-prompt.js", null);

        Verdict byHeader = guardrail.beforeRequest(Chat.request(caller("p", Map.of("x-department", "Finance"), List.of()),
                "Summarise Q3"));
        Verdict byRole = guardrail.beforeRequest(Chat.request(caller("p", Map.of(), List.of("dept:legal")), "Is this ok?"));
        Verdict unknown = guardrail.beforeRequest(Chat.request(caller("p", Map.of(), List.of("developer")), "Hi"));

        ObjectNode rewritten = byHeader.replacement().orElseThrow();
        assertEquals(Decision.REWRITE, byHeader.decision());
        assertEquals("DEPARTMENT_PROMPT", byHeader.reasonCode());
        assertEquals("finance", byHeader.details().get("department"));
        assertEquals("system", rewritten.path("messages").path(0).path("role").asText());
        assertEquals("Summarise Q3", rewritten.path("messages").path(1).path("content").asText());
        assertEquals("legal", byRole.details().get("department"));
        assertSame(Verdict.allow(), unknown);
    }

    @Test
    void departmentSystemPromptTakesPromptsFromParamsAndDoesNotRepeatItself() throws Exception {
        ObjectNode params = Chat.JSON.createObjectNode();
        params.putObject("prompts").put("hr", "You assist the HR team.");
        Guardrail guardrail = shipped("department-system-prompt.js", params);
        PolicyContext hr = caller("p", Map.of("x-department", "hr"), List.of());

        Verdict first = guardrail.beforeRequest(Chat.request(hr, "Draft a job ad"));
        GuardrailRequest again = new GuardrailRequest(hr, WireFormat.OPENAI_CHAT, "gpt-4o-mini",
                first.replacement().orElseThrow());

        assertEquals("You assist the HR team.",
                first.replacement().orElseThrow().path("messages").path(0).path("content").asText());
        assertSame(Verdict.allow(), guardrail.beforeRequest(again));
    }
}
