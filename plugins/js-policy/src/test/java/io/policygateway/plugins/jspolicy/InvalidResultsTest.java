package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scripts that throw odd values or return garbage get the fail outcome, never a crash. */
class InvalidResultsTest {
    private static final String CASES = """
            const cases = {
              'throw-string': () => { throw 'boom'; },
              'throw-number': () => { throw 42; },
              'throw-object': () => { throw { code: 7 }; },
              'throw-null': () => { throw null; },
              'throw-undefined': () => { throw undefined; },
              'throw-error': () => { throw new TypeError('bad'); },
              'throw-error-with-hostile-name': () => {
                class Sneaky extends Error { get name() { for (;;) {} } }
                throw new Sneaky('x');
              },
              'return-number': () => 42,
              'return-string': () => 'block',
              'return-array': () => [{ action: 'block' }],
              'return-boolean': () => true,
              'return-function': () => function () {},
              'return-promise': () => Promise.resolve({ action: 'allow' }),
              'unknown-action': () => ({ action: 'deny' }),
              'missing-action': () => ({ reason_code: 'NO_ACTION' }),
              'unknown-key': () => ({ action: 'block', reasonCode: 'CAMEL' }),
              'lower-case-reason': () => ({ action: 'block', reason_code: 'not a code' }),
              'message-not-text': () => ({ action: 'warn', message: { text: 'x' } }),
              'nested-details': () => ({ action: 'warn', details: { deep: { x: 1 } } }),
              'rewrite-without-request': () => ({ action: 'rewrite' }),
              'request-without-rewrite': (req) => ({ action: 'block', request: req }),
              'rewrite-messages-not-array': () => ({ action: 'rewrite', request: { messages: 'hi' } }),
              'rewrite-unknown-role': () => ({ action: 'rewrite', request: { messages: [{ role: 'wizard', content: 'x' }] } }),
              'rewrite-unknown-field': () => ({ action: 'rewrite', request: { prompt: 'x' } }),
              'cyclic': () => { const result = { action: 'allow' }; result.self = result; return result; },
              'big-int': () => ({ action: 'allow', details: { n: 10n } }),
              'throwing-getter': () => ({ get action() { throw new Error('getter'); } }),
            };
            function onRequest(req) {
              return cases[req.messages[0].content](req);
            }
            """;

    private static PolicyFolder folder;
    private static Guardrail guardrail;

    @BeforeAll
    static void loadTheScript() {
        folder = PolicyFolder.create();
        folder.write("garbage.js", CASES);
        guardrail = folder.guardrail("garbage.js");
    }

    @AfterAll
    static void close() throws Exception {
        folder.close();
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource({
        "throw-string, SCRIPT_ERROR", "throw-number, SCRIPT_ERROR", "throw-object, SCRIPT_ERROR",
        "throw-null, SCRIPT_ERROR", "throw-undefined, SCRIPT_ERROR", "throw-error, SCRIPT_ERROR",
        "throw-error-with-hostile-name, SCRIPT_ERROR",
        "return-number, SCRIPT_INVALID_RESULT", "return-string, SCRIPT_INVALID_RESULT",
        "return-array, SCRIPT_INVALID_RESULT", "return-boolean, SCRIPT_INVALID_RESULT",
        "return-function, SCRIPT_INVALID_RESULT", "return-promise, SCRIPT_INVALID_RESULT",
        "unknown-action, SCRIPT_INVALID_RESULT", "missing-action, SCRIPT_INVALID_RESULT",
        "unknown-key, SCRIPT_INVALID_RESULT", "lower-case-reason, SCRIPT_INVALID_RESULT",
        "message-not-text, SCRIPT_INVALID_RESULT", "nested-details, SCRIPT_INVALID_RESULT",
        "rewrite-without-request, SCRIPT_INVALID_RESULT", "request-without-rewrite, SCRIPT_INVALID_RESULT",
        "rewrite-messages-not-array, SCRIPT_INVALID_RESULT", "rewrite-unknown-role, SCRIPT_INVALID_RESULT",
        "rewrite-unknown-field, SCRIPT_INVALID_RESULT", "cyclic, SCRIPT_ERROR", "big-int, SCRIPT_ERROR",
        "throwing-getter, SCRIPT_ERROR",
    })
    void failsClosedWithTheReasonOfTheFailure(String scenario, String reasonCode) throws Exception {
        Verdict verdict = guardrail.beforeRequest(Chat.request(scenario));

        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals(reasonCode, verdict.reasonCode());
        assertEquals("garbage.js", verdict.details().get("script"));
        assertTrue(verdict.message().startsWith("Policy script garbage.js could not decide"), verdict.message());
    }

    @Test
    void reportsAFailureAsAScriptErrorEventWithoutTheRequestText() throws Exception {
        guardrail.beforeRequest(Chat.request("throw-error"));

        PolicyEvent event = folder.context().events(ScriptReporter.EVENT_TYPE).getFirst();
        assertEquals("call", event.attributes().get("phase"));
        assertEquals("garbage.js", event.attributes().get("script"));
        assertTrue(event.reasonCode().startsWith("SCRIPT_"), event.reasonCode());
        assertEquals("block", event.decision());
        assertEquals("trace-0001", event.traceId());
        assertTrue(event.attributes().values().stream().noneMatch(value -> String.valueOf(value).contains("throw-")),
                event.attributes().toString());
    }
}
