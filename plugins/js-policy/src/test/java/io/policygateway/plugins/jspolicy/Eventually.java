package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls a value until it matches, for hot reload, which happens on the watcher thread. */
final class Eventually {
    private Eventually() {
    }

    /** Returns the first value matching within {@code within}, polling every 20 ms; fails with the last value. */
    static <T> T await(Duration within, Callable<T> probe, Predicate<T> matches) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        T last = probe.call();
        while (!matches.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                fail("still " + last + " after " + within.toMillis() + " ms");
            }
            Thread.sleep(20);
            last = probe.call();
        }
        return last;
    }
}
