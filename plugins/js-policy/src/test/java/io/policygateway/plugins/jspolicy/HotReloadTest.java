package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.Verdict;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Edits in the policies folder take effect within two seconds, without a restart. */
class HotReloadTest {
    private static final Duration WITHIN = Duration.ofSeconds(2);
    /** A broken edit is reported through a slower path (an error with a stack trace); busy build machines need longer. */
    private static final Duration REPORTED_WITHIN = Duration.ofSeconds(5);

    private final PolicyFolder folder = PolicyFolder.create();

    @AfterEach
    void close() throws Exception {
        folder.close();
    }

    private static String deciding(String reasonCode) {
        return "function onRequest(req) { return { action: 'warn', reason_code: '" + reasonCode + "' }; }\n";
    }

    @Test
    void picksUpAChangedScriptWithinTwoSeconds() throws Exception {
        folder.write("policy.js", deciding("FIRST"));
        Guardrail guardrail = folder.guardrail("policy.js");
        assertEquals("FIRST", guardrail.beforeRequest(Chat.request("Hi")).reasonCode());

        folder.write("policy.js", deciding("SECOND"));

        Eventually.await(WITHIN, () -> guardrail.beforeRequest(Chat.request("Hi")).reasonCode(), "SECOND"::equals);
    }

    @Test
    void picksUpAFileRewrittenInPlace() throws Exception {
        folder.write("policy.js", deciding("FIRST"));
        Guardrail guardrail = folder.guardrail("policy.js");

        Files.writeString(folder.directory().resolve("policy.js"), deciding("EDITED"));

        Eventually.await(WITHIN, () -> guardrail.beforeRequest(Chat.request("Hi")).reasonCode(), "EDITED"::equals);
    }

    @Test
    void keepsThePreviousVersionRunningWhenAnEditDoesNotParse() throws Exception {
        folder.write("policy.js", deciding("GOOD"));
        Guardrail guardrail = folder.guardrail("policy.js");

        folder.write("policy.js", "function onRequest(req) {\n  return { action: 'warn' ;\n}\n");

        PolicyEvent event = Eventually.await(REPORTED_WITHIN, () -> folder.context().events(ScriptReporter.EVENT_TYPE),
                events -> !events.isEmpty()).getFirst();
        assertEquals("load", event.attributes().get("phase"));
        assertEquals("policy.js", event.attributes().get("script"));
        assertEquals(2, event.attributes().get("line"));
        assertEquals("SCRIPT_LOAD_ERROR", event.reasonCode());
        assertTrue(String.valueOf(event.attributes().get("error")).contains("SyntaxError"), event.attributes().toString());
        assertEquals("GOOD", guardrail.beforeRequest(Chat.request("Hi")).reasonCode());
    }

    @Test
    void keepsThePreviousVersionWhenTheNewTopLevelThrows() throws Exception {
        folder.write("policy.js", deciding("GOOD"));
        Guardrail guardrail = folder.guardrail("policy.js");

        folder.write("policy.js", "const limits = undefined.max;\n" + deciding("BROKEN"));

        PolicyEvent event = Eventually.await(REPORTED_WITHIN, () -> folder.context().events(ScriptReporter.EVENT_TYPE),
                events -> !events.isEmpty()).getFirst();
        assertEquals(1, event.attributes().get("line"));
        assertEquals("GOOD", guardrail.beforeRequest(Chat.request("Hi")).reasonCode());
    }

    @Test
    void reportsABrokenEditOnceAndRecoversWithTheNextGoodOne() throws Exception {
        folder.write("policy.js", deciding("GOOD"));
        Guardrail guardrail = folder.guardrail("policy.js");
        folder.write("policy.js", "function onRequest( {\n");
        Eventually.await(REPORTED_WITHIN, () -> folder.context().events(ScriptReporter.EVENT_TYPE), events -> !events.isEmpty());

        folder.write("policy.js", deciding("FIXED"));

        Eventually.await(WITHIN, () -> guardrail.beforeRequest(Chat.request("Hi")).reasonCode(), "FIXED"::equals);
        assertEquals(1, folder.context().events(ScriptReporter.EVENT_TYPE).size());
    }

    @Test
    void aRemovedScriptGetsTheFailOutcomeAndComesBackWhenRestored() throws Exception {
        folder.write("policy.js", deciding("PRESENT"));
        Guardrail guardrail = folder.guardrail("policy.js");

        folder.delete("policy.js");
        Verdict missing = Eventually.await(WITHIN, () -> guardrail.beforeRequest(Chat.request("Hi")),
                verdict -> verdict.reasonCode().equals("SCRIPT_MISSING"));
        assertEquals(Decision.BLOCK, missing.decision());

        folder.write("policy.js", deciding("RESTORED"));
        Eventually.await(WITHIN, () -> guardrail.beforeRequest(Chat.request("Hi")).reasonCode(), "RESTORED"::equals);
    }

    @Test
    void anAddedScriptJoinsTheAllScriptsGuardrail() throws Exception {
        folder.write("a.js", deciding("FROM_A"));
        Guardrail all = folder.guardrail("*");
        assertEquals("FROM_A", all.beforeRequest(Chat.request("Hi")).reasonCode());

        folder.write("b.js", "function onRequest(req) { return { action: 'block', reason_code: 'FROM_B' }; }\n");

        Eventually.await(WITHIN, () -> all.beforeRequest(Chat.request("Hi")).reasonCode(), "FROM_B"::equals);
        folder.delete("b.js");
        Eventually.await(WITHIN, () -> all.beforeRequest(Chat.request("Hi")).reasonCode(), "FROM_A"::equals);
    }

    @Test
    void aCallInProgressFinishesOnTheVersionItStartedWith() throws Exception {
        folder.write("slow.js", """
                function onRequest(req) {
                  if (req.messages[0].content === 'slow') {
                    const until = Date.now() + 400;
                    while (Date.now() < until) {}
                  }
                  return { action: 'warn', reason_code: 'OLD_VERSION' };
                }
                """);
        var config = folder.config("slow.js");
        config.put("timeout", "5s");
        config.put("memory", "2GB");
        Guardrail guardrail = folder.guardrail(config);

        CompletableFuture<Verdict> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return guardrail.beforeRequest(Chat.request("slow"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        folder.write("slow.js", deciding("NEW_VERSION"));
        Eventually.await(WITHIN, () -> guardrail.beforeRequest(Chat.request("Hi")).reasonCode(), "NEW_VERSION"::equals);

        assertEquals("OLD_VERSION", inFlight.get().reasonCode());
        assertEquals(List.of(), folder.context().events(ScriptReporter.EVENT_TYPE));
    }
}
