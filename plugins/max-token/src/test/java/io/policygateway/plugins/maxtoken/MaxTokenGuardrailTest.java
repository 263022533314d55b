package io.policygateway.plugins.maxtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.Verdict;
import org.junit.jupiter.api.Test;

class MaxTokenGuardrailTest {
    private final TestPluginContext context = new TestPluginContext();

    private Guardrail guardrail(String config) {
        return new MaxTokenGuardrailFactory().create(Chats.config(config), context);
    }

    private static GuardrailRequest withModel(GuardrailRequest request, String model) {
        ObjectNode body = request.body().deepCopy().put("model", model);
        return new GuardrailRequest(PolicyContext.anonymous("t"), WireFormat.OPENAI_CHAT, model, body);
    }

    private static GuardrailRequest withField(GuardrailRequest request, String field, long value) {
        ObjectNode body = request.body().deepCopy().put(field, value);
        return new GuardrailRequest(request.context(), request.clientFormat(), request.model(), body);
    }

    @Test
    void allowsARequestWithinEveryLimit() throws Exception {
        assertSame(Verdict.allow(), guardrail("{}").beforeRequest(Chats.request("t", "Summarize our refund policy.")));
    }

    @Test
    void blocksTooManyInputTokensNamingTheLimitAndTheCount() throws Exception {
        GuardrailRequest request = Chats.request("t", "word ".repeat(200));
        Verdict verdict = guardrail("{\"maxInputTokens\": 100}").beforeRequest(request);
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("MAX_TOKENS_EXCEEDED", verdict.reasonCode());
        long counted = new TokenCounter().count(java.util.List.of(
                new TokenCounter.Message("system", java.util.List.of("You are a helpful assistant.")),
                new TokenCounter.Message("user", java.util.List.of("word ".repeat(200)))), TokenCounter.Method.O200K_BASE);
        assertEquals("The request has " + counted + " input tokens (o200k_base); the limit is 100 (maxInputTokens).", verdict.message());
        assertEquals("maxInputTokens", verdict.details().get("limit"));
        assertEquals(counted, verdict.details().get("actual"));
    }

    @Test
    void approximatesModelsWithoutALocalTokenizer() throws Exception {
        GuardrailRequest request = withModel(Chats.request("t", "x".repeat(400)), "claude-3-5-haiku-latest");
        Verdict verdict = guardrail("{\"maxInputTokens\": 100}").beforeRequest(request);
        assertEquals("approximate (characters / 4)", verdict.details().get("counting"));
    }

    @Test
    void blocksTooManyMessages() throws Exception {
        Verdict verdict = guardrail("{\"maxMessages\": 2}").beforeRequest(Chats.request("t", "one", "two"));
        assertEquals("The request has 3 messages; the limit is 2 (maxMessages).", verdict.message());
        assertEquals(Decision.BLOCK, verdict.decision());
    }

    @Test
    void blocksARequestAskingForTooManyOutputTokens() throws Exception {
        Verdict verdict = guardrail("{\"maxOutputTokens\": 1000}")
                .beforeRequest(withField(Chats.request("t", "hi"), "max_completion_tokens", 4096));
        assertEquals("The request has 4096 output tokens requested; the limit is 1000 (maxOutputTokens).", verdict.message());
    }

    @Test
    void lowersAnOverLargeMaxTokensWhenClamping() throws Exception {
        Guardrail guardrail = guardrail("{\"maxOutputTokens\": 1000, \"outputAction\": \"clamp\"}");
        Verdict lowered = guardrail.beforeRequest(withField(Chats.request("t", "hi"), "max_tokens", 4096));
        assertEquals(Decision.REWRITE, lowered.decision());
        assertEquals(1000, lowered.replacement().orElseThrow().path("max_tokens").asLong());
        Verdict added = guardrail.beforeRequest(Chats.request("t", "hi"));
        assertEquals(1000, added.replacement().orElseThrow().path("max_completion_tokens").asLong());
        assertSame(Verdict.allow(), guardrail.beforeRequest(withField(Chats.request("t", "hi"), "max_tokens", 500)));
    }

    @Test
    void warnsInsteadOfBlockingWhenConfigured() throws Exception {
        assertEquals(Decision.WARN, guardrail("{\"maxMessages\": 1, \"action\": \"warn\"}")
                .beforeRequest(Chats.request("t", "one")).decision());
    }
}
