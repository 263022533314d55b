package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile scripts that try to exhaust CPU, stack or memory: each is stopped and gets the fail outcome.
 * The timeout counts the script's CPU time, so on a busy build machine the wall-clock time until a
 * call is stopped can be several times the timeout; the bounds below only tell the watchdog (which
 * stops calls) from the caller's last-resort wait (timeout + 5 s).
 */
class ResourceLimitsTest {
    /** Runs the hostile code when the user says "attack", and allows otherwise. */
    private static final String TEMPLATE = """
            function onRequest(req) {
              if (req.messages[0].content === 'attack') {
                %s
              }
              return { action: 'allow', reason_code: 'STILL_WORKS' };
            }
            """;

    private final PolicyFolder folder = PolicyFolder.create();

    @AfterEach
    void close() throws Exception {
        folder.close();
    }

    private Guardrail hostile(String name, String code, String timeout, String memory, String fail) {
        folder.write(name, TEMPLATE.formatted(code));
        ObjectNode config = folder.config(name);
        config.put("timeout", timeout);
        config.put("memory", memory);
        config.put("fail", fail);
        return folder.guardrail(config);
    }

    @Test
    void stopsAnInfiniteLoopWithinTheTimeoutAndFailsClosed() throws Exception {
        Guardrail guardrail = hostile("loop.js", "while (true) {}", "50ms", "64MB", "closed");
        CompiledScript script = ((JsGuardrail) guardrail).select().getFirst().script();
        assertEquals(1, script.idleContexts());

        long started = System.nanoTime();
        Verdict verdict = guardrail.beforeRequest(Chat.request("attack"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("SCRIPT_TIMEOUT", verdict.reasonCode());
        assertTrue(millis >= 50 && millis < 3_000, "stopped after " + millis + " ms");
        assertEquals(0, script.idleContexts(), "the stopped context must be discarded, not pooled");
        assertEquals("STILL_WORKS", guardrail.beforeRequest(Chat.request("hello")).reasonCode());
        assertEquals(1, folder.context().count("js_policy_failures_total", "timeout"));
    }

    @Test
    void letsTheRequestThroughAsLogOnlyWhenTheScriptFailsOpen() throws Exception {
        Guardrail guardrail = hostile("loop-open.js", "for (;;) {}", "20ms", "64MB", "open");

        Verdict verdict = guardrail.beforeRequest(Chat.request("attack"));

        assertEquals(Decision.LOG_ONLY, verdict.decision());
        assertEquals("SCRIPT_TIMEOUT", verdict.reasonCode());
        assertEquals("loop-open.js", verdict.details().get("script"));
    }

    @Test
    void stopsACatastrophicBacktrackingRegex() throws Exception {
        Guardrail guardrail = hostile("regex.js", "/^(a+)+\\1$/.test('a'.repeat(40) + 'b');", "50ms", "64MB", "closed");

        long started = System.nanoTime();
        Verdict verdict = guardrail.beforeRequest(Chat.request("attack"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("SCRIPT_TIMEOUT", verdict.reasonCode());
        assertTrue(millis < 3_000, "stopped after " + millis + " ms");
        assertEquals("STILL_WORKS", guardrail.beforeRequest(Chat.request("hello")).reasonCode());
    }

    @Test
    void stopsAnEndlessPromiseCallbackQueuedByTheHook() throws Exception {
        Guardrail guardrail = hostile("promise.js", "Promise.resolve().then(() => { while (true) {} });", "50ms", "64MB",
                "closed");

        Verdict verdict = guardrail.beforeRequest(Chat.request("attack"));

        assertEquals("SCRIPT_TIMEOUT", verdict.reasonCode());
        assertEquals("STILL_WORKS", guardrail.beforeRequest(Chat.request("hello")).reasonCode());
    }

    @Test
    void turnsUnboundedRecursionIntoAScriptError() throws Exception {
        Guardrail guardrail = hostile("recursion.js", "const dive = (depth) => dive(depth + 1) + 1; dive(0);", "2s", "64MB",
                "closed");

        Verdict verdict = guardrail.beforeRequest(Chat.request("attack"));

        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("SCRIPT_ERROR", verdict.reasonCode());
        assertEquals("STILL_WORKS", guardrail.beforeRequest(Chat.request("hello")).reasonCode());
    }

    @Test
    void stopsAScriptThatKeepsGrowingAnArrayAtItsMemoryBudget() throws Exception {
        Guardrail guardrail = hostile("hoarder.js",
                "const hoard = []; while (true) { hoard.push(new Array(1000).fill(hoard.length)); }", "10s", "16MB",
                "closed");

        long started = System.nanoTime();
        Verdict verdict = guardrail.beforeRequest(Chat.request("attack"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("SCRIPT_MEMORY_LIMIT", verdict.reasonCode());
        assertTrue(millis < 5_000, "stopped after " + millis + " ms");
        assertEquals("STILL_WORKS", guardrail.beforeRequest(Chat.request("hello")).reasonCode());
    }

    @Test
    void refusesAGiantStringInOneStep() throws Exception {
        Guardrail guardrail = hostile("giant-string.js", "const huge = 'x'.repeat(1e9); return { action: 'block' };", "2s",
                "64MB", "closed");

        long started = System.nanoTime();
        Verdict verdict = guardrail.beforeRequest(Chat.request("attack"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("SCRIPT_ERROR", verdict.reasonCode());
        assertTrue(millis < 3_000, "refused after " + millis + " ms");
    }

    @Test
    void refusesAGiantTypedArrayInOneStep() throws Exception {
        Guardrail guardrail = hostile("giant-buffer.js", "const huge = new Float64Array(1e9); return { action: 'block' };",
                "2s", "64MB", "closed");

        Verdict verdict = guardrail.beforeRequest(Chat.request("attack"));

        assertEquals("SCRIPT_ERROR", verdict.reasonCode());
    }
}
