package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many request threads calling one script at once each get the decision for their own request. */
class ConcurrentCallsTest {
    private final PolicyFolder folder = PolicyFolder.create();

    @AfterEach
    void close() throws Exception {
        folder.close();
    }

    @Test
    void concurrentCallsFromVirtualThreadsNeverSeeEachOthersRequests() throws Exception {
        folder.write("echo.js", """
                let seen = '';
                function onRequest(req, ctx) {
                  seen += req.messages[0].content;
                  return { action: 'warn', reason_code: 'ECHO', details: { seen, hash: gateway.hash(seen) } };
                }
                """);
        Guardrail guardrail = folder.guardrail("echo.js");
        ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();

        for (int caller = 0; caller < 16; caller++) {
            String text = "request-" + caller;
            callers.add(Thread.ofVirtual().start(() -> {
                for (int call = 0; call < 10; call++) {
                    try {
                        Verdict verdict = guardrail.beforeRequest(Chat.request(text));
                        if (!text.equals(verdict.details().get("seen"))
                                || !ScriptHelpers.sha256(text).equals(verdict.details().get("hash"))) {
                            mismatches.add(text + " got " + verdict);
                        }
                    } catch (Exception e) {
                        mismatches.add(text + " threw " + e);
                    }
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }

        assertEquals(List.of(), List.copyOf(mismatches));
    }
}
