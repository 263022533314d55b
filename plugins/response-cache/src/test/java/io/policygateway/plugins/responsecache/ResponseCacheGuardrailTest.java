package io.policygateway.plugins.responsecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.Verdict;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseCacheGuardrailTest {
    private final TestPluginContext context = new TestPluginContext();

    private Guardrail cache(String json) {
        return new ResponseCacheGuardrailFactory().create(Chats.config(json), context);
    }

    private double requests(String result) {
        return context.metrics.value("cache_requests_total", result);
    }

    private double entries() {
        return context.metrics.value("cache_entries");
    }

    private static GuardrailRequest asking(String text) {
        return Chats.request("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}");
    }

    @Test
    void answersAnIdenticalRequestWithTheStoredCompletion() throws Exception {
        Guardrail cache = cache("{}");
        assertTrue(cache.beforeRequest(Chats.hello()).response().isEmpty());
        cache.afterResponse(Chats.answer(Chats.hello(), "Hi there", "stop"));

        Verdict hit = cache.beforeRequest(Chats.hello());

        assertEquals("CACHE_HIT", hit.reasonCode());
        assertEquals(Decision.ALLOW, hit.decision());
        assertEquals("Hi there", hit.response().orElseThrow().at("/choices/0/message/content").asText());
        assertEquals(1, requests("miss"));
        assertEquals(1, requests("store"));
        assertEquals(1, requests("hit"));
        assertEquals(1, entries());
    }

    @Test
    void eachHitIsACopyTheKernelMayChange() throws Exception {
        Guardrail cache = cache("{}");
        cache.afterResponse(Chats.answer(Chats.hello(), "Hi there", "stop"));
        cache.beforeRequest(Chats.hello()).response().orElseThrow().put("policy", "changed by the caller");

        assertTrue(cache.beforeRequest(Chats.hello()).response().orElseThrow().path("policy").isMissingNode());
    }

    @Test
    void forgetsAnAnswerOnceItsTtlPassed() throws Exception {
        Guardrail cache = cache("{\"ttl\": \"1m\"}");
        cache.afterResponse(Chats.answer(Chats.hello(), "Hi there", "stop"));
        context.advance(Duration.ofSeconds(59));
        assertTrue(cache.beforeRequest(Chats.hello()).response().isPresent());

        context.advance(Duration.ofSeconds(1));

        assertTrue(cache.beforeRequest(Chats.hello()).response().isEmpty());
        assertEquals(0, entries());
    }

    @Test
    void evictsTheLeastRecentlyUsedAnswerBeyondMaxEntries() throws Exception {
        Guardrail cache = cache("{\"max_entries\": 2}");
        cache.afterResponse(Chats.answer(asking("a"), "A", "stop"));
        cache.afterResponse(Chats.answer(asking("b"), "B", "stop"));
        cache.beforeRequest(asking("a"));

        cache.afterResponse(Chats.answer(asking("c"), "C", "stop"));

        assertTrue(cache.beforeRequest(asking("b")).response().isEmpty(), "b was the least recently used");
        assertTrue(cache.beforeRequest(asking("a")).response().isPresent());
        assertTrue(cache.beforeRequest(asking("c")).response().isPresent());
        assertEquals(2, entries());
    }

    @Test
    void storesOnlyAnswersThatFinishedNormally() throws Exception {
        Guardrail cache = cache("{}");
        for (String finish : new String[] {"tool_calls", "content_filter", ""}) {
            cache.afterResponse(Chats.answer(Chats.hello(), "partial", finish));
            assertTrue(cache.beforeRequest(Chats.hello()).response().isEmpty(), finish);
        }
        cache.afterResponse(Chats.answer(Chats.hello(), "cut at max_tokens", "length"));

        assertTrue(cache.beforeRequest(Chats.hello()).response().isPresent());
    }

    @Test
    void skipsAnswersLargerThanMaxEntryBytes() throws Exception {
        Guardrail cache = cache("{\"max_entry_bytes\": 1024}");
        cache.afterResponse(Chats.answer(Chats.hello(), "x".repeat(2000), "stop"));

        assertTrue(cache.beforeRequest(Chats.hello()).response().isEmpty());
        assertEquals(0, requests("store"));
    }

    @Test
    void bypassesRequestsHotterThanMaxTemperatureCountingAMissingOneAsOne() throws Exception {
        Guardrail cache = cache("{\"max_temperature\": 0.5}");
        GuardrailRequest hot = Chats.request("{\"model\":\"m\",\"temperature\":0.9,\"messages\":[]}");
        GuardrailRequest unset = Chats.request("{\"model\":\"m\",\"messages\":[]}");
        GuardrailRequest cool = Chats.request("{\"model\":\"m\",\"temperature\":0.5,\"messages\":[]}");
        for (GuardrailRequest request : new GuardrailRequest[] {hot, unset, cool}) {
            cache.afterResponse(Chats.answer(request, "ok", "stop"));
        }

        assertTrue(cache.beforeRequest(hot).response().isEmpty());
        assertTrue(cache.beforeRequest(unset).response().isEmpty());
        assertTrue(cache.beforeRequest(cool).response().isPresent());
        assertEquals(2, requests("bypass"));
        assertEquals(1, entries());
    }

    @Test
    void honoursTheCallersCacheControl() throws Exception {
        Guardrail cache = cache("{}");
        String json = "{\"model\":\"m\",\"messages\":[]}";
        GuardrailRequest noStore = Chats.request("p", Map.of("cache-control", "no-store"), json);
        GuardrailRequest noCache = Chats.request("p", Map.of("cache-control", "max-age=0, No-Cache"), json);
        GuardrailRequest plain = Chats.request("p", Map.of(), json);

        cache.afterResponse(Chats.answer(noStore, "not kept", "stop"));
        assertTrue(cache.beforeRequest(plain).response().isEmpty(), "no-store: the answer was not kept");
        cache.afterResponse(Chats.answer(noCache, "fresh", "stop"));
        assertTrue(cache.beforeRequest(noCache).response().isEmpty(), "no-cache: not answered from the cache");

        assertEquals("fresh", cache.beforeRequest(plain).response().orElseThrow().at("/choices/0/message/content").asText(),
                "no-cache still stores the fresh answer");
    }

    @Test
    void logOnlyReportsHitsWithoutServingThem() throws Exception {
        Guardrail cache = cache("{\"action\": \"log-only\"}");
        cache.afterResponse(Chats.answer(Chats.hello(), "Hi there", "stop"));

        Verdict verdict = cache.beforeRequest(Chats.hello());

        assertEquals(Decision.LOG_ONLY, verdict.decision());
        assertEquals("CACHE_HIT", verdict.reasonCode());
        assertTrue(verdict.response().isEmpty());
        assertEquals(1, requests("hit"));
    }

    @Test
    void closingForgetsEveryAnswerAndLowersTheEntryGauge() throws Exception {
        Guardrail cache = cache("{}");
        cache.afterResponse(Chats.answer(asking("a"), "A", "stop"));
        cache.afterResponse(Chats.answer(asking("b"), "B", "stop"));
        assertEquals(2, entries());

        cache.close();

        assertEquals(0, entries());
    }
}
