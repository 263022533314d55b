package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.Verdict;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseHookTest {
    private final PolicyFolder folder = PolicyFolder.create();

    @AfterEach
    void close() throws Exception {
        folder.close();
    }

    @Test
    void seesTheAnswerItsUsageAndTheRequestThatProducedIt() throws Exception {
        folder.write("inspect.js", """
                function onResponse(res, ctx) {
                  return { action: 'log-only', reason_code: 'INSPECTED', details: {
                    text: res.text, content: res.choices[0].message.content, provider: res.provider, model: res.model,
                    prompt_tokens: res.usage.prompt_tokens, completion_tokens: res.usage.completion_tokens,
                    question: res.request.messages[0].content, hook: ctx.hook, user: ctx.user } };
                }
                """);
        Guardrail guardrail = folder.guardrail("inspect.js");
        GuardrailRequest request = Chat.request("What is 2 + 2?");

        Map<String, Object> seen = guardrail.afterResponse(Chat.response(request, "4")).details();

        assertEquals("4", seen.get("text"));
        assertEquals("4", seen.get("content"));
        assertEquals("openai", seen.get("provider"));
        assertEquals("gpt-4o-mini", seen.get("model"));
        assertEquals(12L, seen.get("prompt_tokens"));
        assertEquals(7L, seen.get("completion_tokens"));
        assertEquals("What is 2 + 2?", seen.get("question"));
        assertEquals("onResponse", seen.get("hook"));
        assertEquals("user-12345", seen.get("user"));
    }

    @Test
    void rewritesTheAnswerText() throws Exception {
        folder.write("mask.js", """
                function onResponse(res) {
                  if (res.text.includes('Acme')) {
                    return { action: 'rewrite', reason_code: 'COMPETITOR_MASKED',
                             response: { text: res.text.replaceAll('Acme', '[competitor]') } };
                  }
                }
                """);
        Guardrail guardrail = folder.guardrail("mask.js");
        GuardrailRequest request = Chat.request("Who else sells this?");

        Verdict verdict = guardrail.afterResponse(Chat.response(request, "Acme sells it too."));

        assertEquals(Decision.REWRITE, verdict.decision());
        assertEquals("COMPETITOR_MASKED", verdict.reasonCode());
        assertEquals("[competitor] sells it too.", Chat.answer(verdict.replacement().orElseThrow()));
        assertEquals("chat.completion", verdict.replacement().orElseThrow().path("object").asText());
    }

    @Test
    void rewritesTheChoices() throws Exception {
        folder.write("choices.js", """
                function onResponse(res) {
                  const choices = res.choices.map((choice) => ({ ...choice,
                    message: { ...choice.message, content: choice.message.content.toUpperCase() } }));
                  return { action: 'rewrite', response: { choices } };
                }
                """);
        Guardrail guardrail = folder.guardrail("choices.js");

        Verdict verdict = guardrail.afterResponse(Chat.response(Chat.request("Hi"), "hello there"));

        assertEquals("SCRIPT_REWRITE", verdict.reasonCode());
        assertEquals("HELLO THERE", Chat.answer(verdict.replacement().orElseThrow()));
    }

    @Test
    void blocksAnAnswer() throws Exception {
        folder.write("no-numbers.js", """
                function onResponse(res) {
                  return /\\d{6,}/.test(res.text) ? { action: 'block', reason_code: 'LONG_NUMBER' } : undefined;
                }
                """);
        Guardrail guardrail = folder.guardrail("no-numbers.js");

        Verdict verdict = guardrail.afterResponse(Chat.response(Chat.request("Hi"), "Your code is 12345678"));

        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("LONG_NUMBER", verdict.reasonCode());
    }
}
