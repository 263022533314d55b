package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.StreamGuard.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamChunkHookTest {
    private final PolicyFolder folder = PolicyFolder.create();

    @AfterEach
    void close() throws Exception {
        folder.close();
    }

    @Test
    void rewritesEachTextDeltaBeforeTheCallerSeesIt() throws Exception {
        folder.write("mask.js", """
                function onStreamChunk(chunk) {
                  if (chunk.text.includes('Acme')) {
                    return { action: 'rewrite', reason_code: 'COMPETITOR_MASKED',
                             text: chunk.text.replaceAll('Acme', '[competitor]') };
                  }
                }
                """);
        StreamGuard stream = folder.guardrail("mask.js").openStream(Chat.request("Hi"));

        Step first = stream.onText("Try ");
        Step second = stream.onText("Acme instead.");

        assertEquals("Try ", first.release());
        assertTrue(first.verdict().isEmpty());
        assertEquals("[competitor] instead.", second.release());
        assertEquals(Decision.LOG_ONLY, second.verdict().orElseThrow().decision());
        assertEquals("COMPETITOR_MASKED", second.verdict().orElseThrow().reasonCode());
        assertEquals("", stream.finish().release());
    }

    @Test
    void blocksTheStreamAndReleasesNothingMore() throws Exception {
        folder.write("stop.js", """
                function onStreamChunk(chunk) {
                  const seen = chunk.tail + chunk.text;
                  return seen.includes('password:') ? { action: 'block', reason_code: 'SECRET_IN_ANSWER' } : undefined;
                }
                """);
        StreamGuard stream = folder.guardrail("stop.js").openStream(Chat.request("Hi"));

        assertEquals("The pass", stream.onText("The pass").release());
        Step blocked = stream.onText("word: hunter2");
        Step after = stream.onText(" and more");

        assertEquals("", blocked.release());
        assertEquals(Decision.BLOCK, blocked.verdict().orElseThrow().decision());
        assertEquals("SECRET_IN_ANSWER", blocked.verdict().orElseThrow().reasonCode());
        assertEquals("", after.release());
    }

    @Test
    void numbersTheChunksInOrder() throws Exception {
        folder.write("count.js", """
                function onStreamChunk(chunk, ctx) {
                  return { action: 'warn', reason_code: 'CHUNK_' + chunk.index, message: ctx.hook };
                }
                """);
        StreamGuard stream = folder.guardrail("count.js").openStream(Chat.request("Hi"));

        assertEquals("CHUNK_0", stream.onText("a").verdict().orElseThrow().reasonCode());
        Step second = stream.onText("b");
        assertEquals("CHUNK_1", second.verdict().orElseThrow().reasonCode());
        assertEquals("onStreamChunk", second.verdict().orElseThrow().message());
    }

    @Test
    void passesStreamsThroughWhenTheScriptHasNoStreamHook() throws Exception {
        folder.write("request-only.js", "function onRequest(req) { return { action: 'allow' }; }\n");
        Guardrail guardrail = folder.guardrail("request-only.js");

        assertSame(StreamGuard.PASS_THROUGH, guardrail.openStream(Chat.request("Hi")));
    }
}
