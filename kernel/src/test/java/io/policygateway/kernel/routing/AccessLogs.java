package io.policygateway.kernel.routing;

import io.policygateway.kernel.testing.TestGateway;
import java.util.function.Predicate;

/**
 * Waits for access log lines: the gateway writes a request's line once the response is complete,
 * which may be just after the client has read it.
 */
public final class AccessLogs {
    private static final long WAIT_MILLIS = 5_000;

    private AccessLogs() {
    }

    /** The first access log line matching {@code wanted}, waiting up to five seconds for it. */
    public static String await(TestGateway gateway, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (true) {
            for (String line : gateway.accessLogLines()) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no access log line as expected within " + WAIT_MILLIS + " ms; lines: " + gateway.accessLogLines());
            }
            Thread.sleep(10);
        }
    }
}
