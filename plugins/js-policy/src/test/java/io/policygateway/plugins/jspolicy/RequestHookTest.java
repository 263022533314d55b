package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestHookTest {
    private final PolicyFolder folder = PolicyFolder.create();

    @AfterEach
    void close() throws Exception {
        folder.close();
    }

    @Test
    void blocksWithTheScriptsReasonCodeAndMessage() throws Exception {
        folder.write("no-acme.js", """
                function onRequest(req, ctx) {
                  const text = req.messages.map((m) => m.content).join(' ');
                  if (/acme/i.test(text)) {
                    return { action: 'block', reason_code: 'COMPETITOR_MENTION', message: 'Please do not name competitors.' };
                  }
                  return { action: 'allow' };
                }
                """);
        Guardrail guardrail = folder.guardrail("no-acme.js");

        Verdict blocked = guardrail.beforeRequest(Chat.request("Compare us with ACME please"));
        Verdict allowed = guardrail.beforeRequest(Chat.request("Hello"));

        assertEquals(Decision.BLOCK, blocked.decision());
        assertEquals("COMPETITOR_MENTION", blocked.reasonCode());
        assertEquals("Please do not name competitors.", blocked.message());
        assertEquals("no-acme.js", blocked.details().get("script"));
        assertEquals(Decision.ALLOW, allowed.decision());
    }

    @Test
    void seesModelMessagesParametersAndWhoIsAsking() throws Exception {
        folder.write("echo.js", """
                function onRequest(req, ctx) {
                  return { action: 'warn', reason_code: 'ECHO', details: {
                    model: req.model, first: req.messages[0].content, role: req.messages[0].role,
                    temperature: req.parameters.temperature, project: ctx.project, user: ctx.user,
                    target: ctx.target, key_name: ctx.key_name, roles: ctx.roles, trace_id: ctx.trace_id,
                    policy_id: ctx.policy_id, department: ctx.headers['x-department'], hook: ctx.hook,
                    surface: ctx.surface, route: ctx.route, params_limit: ctx.params.limit,
                    rule_action: ctx.rule.action } };
                }
                """);
        ObjectNode config = folder.config("echo");
        config.putObject("params").put("limit", 3);
        config.put("action", "block");
        Guardrail guardrail = folder.guardrail(config);

        Verdict verdict = guardrail.beforeRequest(Chat.request("What is our refund policy?"));

        assertEquals(Decision.WARN, verdict.decision());
        Map<String, Object> seen = verdict.details();
        assertEquals("gpt-4o-mini", seen.get("model"));
        assertEquals("What is our refund policy?", seen.get("first"));
        assertEquals("user", seen.get("role"));
        assertEquals(0.2, seen.get("temperature"));
        assertEquals("support-bot", seen.get("project"));
        assertEquals("user-12345", seen.get("user"));
        assertEquals("prod", seen.get("target"));
        assertEquals("team-key", seen.get("key_name"));
        assertEquals(List.of("developer"), seen.get("roles"));
        assertEquals("trace-0001", seen.get("trace_id"));
        assertEquals("policy-gateway", seen.get("policy_id"));
        assertEquals("finance", seen.get("department"));
        assertEquals("onRequest", seen.get("hook"));
        assertEquals("policy", seen.get("surface"));
        assertEquals("/chat/completions", seen.get("route"));
        assertEquals(3L, seen.get("params_limit"));
        assertEquals("block", seen.get("rule_action"));
    }

    @Test
    void rewritesTheRequestIntoACanonicalChatBody() throws Exception {
        folder.write("rewrite.js", """
                function onRequest(req) {
                  const messages = [{ role: 'system', content: 'Be brief.' }, ...req.messages];
                  return { action: 'rewrite', reason_code: 'SYSTEM_PROMPT_ADDED',
                           request: { messages, parameters: { ...req.parameters, max_tokens: 64 } } };
                }
                """);
        Guardrail guardrail = folder.guardrail("rewrite.js");

        Verdict verdict = guardrail.beforeRequest(Chat.request("Hi"));

        assertEquals(Decision.REWRITE, verdict.decision());
        assertEquals("SYSTEM_PROMPT_ADDED", verdict.reasonCode());
        ObjectNode body = verdict.replacement().orElseThrow();
        assertEquals("gpt-4o-mini", body.path("model").asText());
        assertEquals("system", body.path("messages").path(0).path("role").asText());
        assertEquals("Be brief.", body.path("messages").path(0).path("content").asText());
        assertEquals("Hi", body.path("messages").path(1).path("content").asText());
        assertEquals(0.2, body.path("temperature").asDouble());
        assertEquals(64, body.path("max_tokens").asInt());
    }

    @Test
    void mapsEveryActionToItsDecisionWithDefaultReasonCodes() throws Exception {
        folder.write("actions.js", """
                function onRequest(req) {
                  return { action: req.messages[0].content };
                }
                """);
        Guardrail guardrail = folder.guardrail("actions.js");

        assertEquals(Decision.ALLOW, guardrail.beforeRequest(Chat.request("allow")).decision());
        assertEquals("SCRIPT_WARN", guardrail.beforeRequest(Chat.request("warn")).reasonCode());
        assertEquals(Decision.LOG_ONLY, guardrail.beforeRequest(Chat.request("log-only")).decision());
        assertEquals("SCRIPT_LOG", guardrail.beforeRequest(Chat.request("log-only")).reasonCode());
        Verdict blocked = guardrail.beforeRequest(Chat.request("block"));
        assertEquals("SCRIPT_BLOCK", blocked.reasonCode());
        assertEquals("Blocked by policy script actions.js", blocked.message());
    }

    @Test
    void treatsReturningNothingOrAPlainAllowAsAnUnrecordedAllow() throws Exception {
        folder.write("quiet.js", """
                function onRequest(req) {
                  if (req.messages[0].content === 'explicit') {
                    return { action: 'allow' };
                  }
                  if (req.messages[0].content === 'noted') {
                    return { action: 'allow', reason_code: 'CHECKED' };
                  }
                }
                """);
        Guardrail guardrail = folder.guardrail("quiet.js");

        assertSame(Verdict.allow(), guardrail.beforeRequest(Chat.request("Hi")));
        assertSame(Verdict.allow(), guardrail.beforeRequest(Chat.request("explicit")));
        Verdict noted = guardrail.beforeRequest(Chat.request("noted"));
        assertEquals(Decision.ALLOW, noted.decision());
        assertEquals("CHECKED", noted.reasonCode());
        assertEquals("quiet.js", noted.details().get("script"));
    }

    @Test
    void offersLogTokenEstimateAndStableHashHelpers() throws Exception {
        folder.write("helpers.js", """
                function onRequest(req) {
                  gateway.log('info', 'checking a request');
                  return { action: 'log-only', reason_code: 'HELPERS', details: {
                    tokens: gateway.estimateTokens('twelve chars'), empty: gateway.estimateTokens(''),
                    hash: gateway.hash('hello'), hashAgain: gateway.hash('hello') } };
                }
                """);
        Guardrail guardrail = folder.guardrail("helpers.js");

        Map<String, Object> details = guardrail.beforeRequest(Chat.request("Hi")).details();

        assertEquals(3L, details.get("tokens"));
        assertEquals(0L, details.get("empty"));
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", details.get("hash"));
        assertEquals(details.get("hash"), details.get("hashAgain"));
    }

    @Test
    void skipsScriptsThatDoNotDefineTheHook() throws Exception {
        folder.write("responses-only.js", "function onResponse(res) { return { action: 'block' }; }\n");
        Guardrail guardrail = folder.guardrail("responses-only.js");

        assertSame(Verdict.allow(), guardrail.beforeRequest(Chat.request("Hi")));
    }
}
