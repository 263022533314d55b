package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.Verdict;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** No call can leave state behind for a later call, of the same script or of another one. */
class IsolationTest {
    /** Tries every place a script could stash a value, and reports which ones took it. */
    private static final String STASHER = """
            function tryStash(target, key) {
              try {
                target[key] = 'stashed';
              } catch (error) {
                // frozen: strict mode throws
              }
            }
            function onRequest(req, ctx) {
              tryStash(globalThis, 'stash');
              tryStash(Object.prototype, 'stash');
              tryStash(Array.prototype, 'stash');
              tryStash(String.prototype, 'stash');
              tryStash(Function.prototype, 'stash');
              tryStash(Array.prototype.map, 'stash');
              tryStash(JSON, 'stash');
              tryStash(Math, 'stash');
              tryStash(gateway, 'stash');
              tryStash(Object.getPrototypeOf(req), 'stash');
              tryStash(Object.getPrototypeOf(req.messages), 'stash');
              return { action: 'allow', reason_code: 'STASHED' };
            }
            """;
    /** Reports whether any stash is visible. */
    private static final String LOOKER = """
            function onRequest(req) {
              const seen = [globalThis.stash, ({}).stash, [].stash, ''.stash, (function () {}).stash,
                            Array.prototype.map.stash, JSON.stash, Math.stash, gateway.stash, req.stash,
                            req.messages.stash].filter((value) => value !== undefined).length;
              return { action: 'allow', reason_code: 'LOOKED', details: { seen } };
            }
            """;

    private final PolicyFolder folder = PolicyFolder.create();

    @AfterEach
    void close() throws Exception {
        folder.close();
    }

    @Test
    void topLevelVariablesStartFreshOnEveryCall() throws Exception {
        folder.write("counter.js", """
                let calls = 0;
                const seenUsers = [];
                function onRequest(req, ctx) {
                  calls++;
                  seenUsers.push(ctx.user);
                  return { action: 'allow', reason_code: 'COUNTED', details: { calls, users: seenUsers.length } };
                }
                """);
        Guardrail guardrail = folder.guardrail("counter.js");

        for (int i = 0; i < 5; i++) {
            Map<String, Object> details = guardrail.beforeRequest(Chat.request("Hi")).details();
            assertEquals(1L, details.get("calls"));
            assertEquals(1L, details.get("users"));
        }
    }

    @Test
    void aStashLeftByOneCallIsInvisibleToTheNextCallOfTheSameScript() throws Exception {
        folder.write("both.js", STASHER.replace("function onRequest", "function stash")
                + LOOKER.replace("function onRequest(req)", "function look(req)") + """
                function onRequest(req, ctx) {
                  return req.messages[0].content === 'stash' ? stash(req, ctx) : look(req);
                }
                """);
        Guardrail guardrail = folder.guardrail("both.js");

        assertEquals("STASHED", guardrail.beforeRequest(Chat.request("stash")).reasonCode());
        Verdict looked = guardrail.beforeRequest(Chat.request("look"));

        assertEquals("LOOKED", looked.reasonCode());
        assertEquals(0L, looked.details().get("seen"));
    }

    @Test
    void aStashLeftByOneScriptIsInvisibleToAnother() throws Exception {
        folder.write("a-stasher.js", STASHER);
        folder.write("b-looker.js", LOOKER.replace("'allow'", "'warn'"));
        Guardrail all = folder.guardrail("*");

        Verdict verdict = all.beforeRequest(Chat.request("Hi"));

        assertEquals(Decision.WARN, verdict.decision());
        assertEquals("LOOKED", verdict.reasonCode());
        assertEquals(0L, verdict.details().get("seen"));
    }

    @Test
    void pollutingThePrototypeOfTheInputsFailsTheCallAndLeavesNoTrace() throws Exception {
        folder.write("polluter.js", """
                function onRequest(req) {
                  if (req.messages[0].content === 'pollute') {
                    req.__proto__.isAdmin = true;
                  }
                  return { action: 'allow', reason_code: 'CHECKED', details: { admin: ({}).isAdmin === true } };
                }
                """);
        Guardrail guardrail = folder.guardrail("polluter.js");

        Verdict polluting = guardrail.beforeRequest(Chat.request("pollute"));
        Verdict next = guardrail.beforeRequest(Chat.request("Hi"));

        assertEquals(Decision.BLOCK, polluting.decision());
        assertEquals("SCRIPT_ERROR", polluting.reasonCode());
        assertEquals(false, next.details().get("admin"));
    }

    @Test
    void aRegexMatchOfOneRequestIsNotReadableByTheNext() throws Exception {
        folder.write("regex-memory.js", """
                function onRequest(req) {
                  /(secret-\\d+)/.test(req.messages[0].content);
                  return { action: 'allow', reason_code: 'READ', details: {
                    dollar_one: String(RegExp.$1), last_match: String(RegExp.lastMatch) } };
                }
                """);
        Guardrail guardrail = folder.guardrail("regex-memory.js");

        guardrail.beforeRequest(Chat.request("my code is secret-42"));
        Map<String, Object> next = guardrail.beforeRequest(Chat.request("nothing here")).details();

        assertEquals("undefined", next.get("dollar_one"));
        assertEquals("undefined", next.get("last_match"));
    }

    @Test
    void theGatewayHelpersCannotBeReplaced() throws Exception {
        folder.write("replacer.js", """
                function onRequest(req) {
                  let replaced = true;
                  try {
                    gateway.hash = () => 'forged';
                  } catch (error) {
                    replaced = false;
                  }
                  return { action: 'allow', reason_code: 'HASHED', details: { replaced, hash: gateway.hash('a') } };
                }
                """);
        Guardrail guardrail = folder.guardrail("replacer.js");

        Map<String, Object> details = guardrail.beforeRequest(Chat.request("Hi")).details();

        assertEquals(false, details.get("replaced"));
        assertEquals("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb", details.get("hash"));
    }
}
