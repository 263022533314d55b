package io.policygateway.plugins.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.Usage;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.RateLimit;
import io.policygateway.api.guardrail.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitGuardrailTest {
    private final TestPluginContext context = new TestPluginContext();

    private Guardrail limit(String json) {
        return new RateLimitGuardrailFactory().create(Chats.config(json), context);
    }

    private static GuardrailRequest from(String key) {
        return Chats.request(key, "support", "u1", "gpt-4o", "Hello");
    }

    @Test
    void refusesTheRequestAfterTheBurstWithTheTimeUntilTheNextRequestFits() throws Exception {
        Guardrail guardrail = limit("{\"requests_per_minute\": 2}");

        assertEquals(Decision.ALLOW, guardrail.beforeRequest(from("app")).decision());
        assertEquals(Decision.ALLOW, guardrail.beforeRequest(from("app")).decision());
        Verdict third = guardrail.beforeRequest(from("app"));

        assertEquals(Decision.BLOCK, third.decision());
        assertEquals("RATE_LIMITED", third.reasonCode());
        RateLimit limit = third.rateLimit().orElseThrow();
        assertEquals(Duration.ofSeconds(30), limit.retryAfter(), "2 per minute refill one every 30 s");
        assertEquals("2", limit.headers().get("x-ratelimit-limit-requests"));
        assertEquals("0", limit.headers().get("x-ratelimit-remaining-requests"));
        assertEquals("30s", limit.headers().get("x-ratelimit-reset-requests"));
        assertEquals("requests", third.details().get("limit"));
    }

    @Test
    void admitsAgainOnceTheBucketRefilled() throws Exception {
        Guardrail guardrail = limit("{\"requests_per_minute\": 2}");
        guardrail.beforeRequest(from("app"));
        guardrail.beforeRequest(from("app"));
        assertEquals(Decision.BLOCK, guardrail.beforeRequest(from("app")).decision());

        context.advance(Duration.ofSeconds(30));

        assertEquals(Decision.ALLOW, guardrail.beforeRequest(from("app")).decision());
        assertEquals(Decision.BLOCK, guardrail.beforeRequest(from("app")).decision());
    }

    @Test
    void keepsSeparateBucketsPerConfiguredDimension() throws Exception {
        Guardrail perUser = limit("{\"key_by\": [\"user\"], \"requests_per_minute\": 1}");

        assertEquals(Decision.ALLOW, perUser.beforeRequest(Chats.request("app", "p", "alice", "m", "hi")).decision());
        assertEquals(Decision.ALLOW, perUser.beforeRequest(Chats.request("app", "p", "bob", "m", "hi")).decision());
        assertEquals(Decision.BLOCK, perUser.beforeRequest(Chats.request("other-app", "q", "alice", "m", "hi")).decision());
    }

    @Test
    void callersWithoutTheDimensionShareTheBucketOfTheDash() throws Exception {
        Guardrail perProject = limit("{\"key_by\": [\"project\", \"model\"], \"requests_per_minute\": 1}");

        assertEquals(Decision.ALLOW, perProject.beforeRequest(Chats.request(null, null, null, "m", "hi")).decision());
        assertEquals(Decision.BLOCK, perProject.beforeRequest(Chats.request("k", null, "u", "m", "hi")).decision());
        assertEquals(Decision.ALLOW, perProject.beforeRequest(Chats.request(null, null, null, "other-model", "hi")).decision());
    }

    @Test
    void chargesEstimatedInputTokensBeforeAndRealOutputTokensAfter() throws Exception {
        Guardrail guardrail = limit("{\"tokens_per_minute\": 100}");
        GuardrailRequest request = Chats.request("app", "p", "u", "m", "x".repeat(200));

        Verdict first = guardrail.beforeRequest(request);
        assertEquals(Decision.ALLOW, first.decision(), "about 50 tokens of input fit in 100");
        guardrail.afterResponse(Chats.answer(request, "a long answer", new Usage(50, 40, 0)));
        Verdict second = guardrail.beforeRequest(request);

        assertEquals(Decision.BLOCK, second.decision(), "50 in + 40 out leave 10 tokens, not 51");
        assertEquals("tokens", second.details().get("limit"));
        assertEquals("100", second.rateLimit().orElseThrow().headers().get("x-ratelimit-limit-tokens"));
        assertTrue(second.rateLimit().orElseThrow().retryAfter().compareTo(Duration.ofSeconds(20)) > 0);
    }

    @Test
    void aRequestRefusedForTokensDoesNotUseUpARequest() throws Exception {
        Guardrail guardrail = limit("{\"requests_per_minute\": 2, \"tokens_per_minute\": 10}");
        GuardrailRequest big = Chats.request("app", "p", "u", "m", "x".repeat(40));
        GuardrailRequest small = Chats.request("app", "p", "u", "m", "hi");

        assertEquals(Decision.ALLOW, guardrail.beforeRequest(big).decision());
        assertEquals(Decision.BLOCK, guardrail.beforeRequest(big).decision());
        context.advance(Duration.ofSeconds(6));

        assertEquals(Decision.ALLOW, guardrail.beforeRequest(small).decision(), "the refused request gave its request back");
    }

    @Test
    void aPromptLargerThanTheWholeMinuteIsAdmittedWhenTheBucketIsFull() throws Exception {
        Guardrail guardrail = limit("{\"tokens_per_minute\": 10}");

        assertEquals(Decision.ALLOW, guardrail.beforeRequest(Chats.request("app", "p", "u", "m", "x".repeat(400))).decision());
        assertEquals(Decision.BLOCK, guardrail.beforeRequest(Chats.request("app", "p", "u", "m", "hi")).decision());
    }

    @Test
    void warnAndLogOnlyReportTheLimitWithoutRefusing() throws Exception {
        Guardrail warn = limit("{\"requests_per_minute\": 1, \"action\": \"warn\"}");
        warn.beforeRequest(from("app"));
        Verdict warned = warn.beforeRequest(from("app"));
        assertEquals(Decision.WARN, warned.decision());
        assertEquals("RATE_LIMITED", warned.reasonCode());
        assertTrue(warned.rateLimit().isEmpty());

        Guardrail logOnly = limit("{\"requests_per_minute\": 1, \"action\": \"log-only\"}");
        logOnly.beforeRequest(from("app"));
        assertEquals(Decision.LOG_ONLY, logOnly.beforeRequest(from("app")).decision());
    }

    @Test
    void forgetsTheLeastRecentlySeenCallerBeyondMaxKeys() throws Exception {
        Guardrail guardrail = limit("{\"requests_per_minute\": 1, \"max_keys\": 2}");
        guardrail.beforeRequest(from("a"));
        guardrail.beforeRequest(from("b"));
        assertEquals(Decision.BLOCK, guardrail.beforeRequest(from("a")).decision(), "a is remembered");

        guardrail.beforeRequest(from("c"));

        assertEquals(Decision.ALLOW, guardrail.beforeRequest(from("b")).decision(), "b was forgotten when c arrived");
    }
}
