package io.policygateway.plugins.jspolicy;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The platform threads policy scripts run on, and the {@link Watchdog} that stops them.
 *
 * <p>Callers are usually request (virtual) threads: they hand the call to a worker and wait, which
 * costs a few microseconds and buys three things a virtual thread cannot give: per-thread
 * allocation counting for the memory limit, a fixed stack for deep recursion, and a caller that
 * can give up waiting even if a script were stuck in a built-in that ignores cancellation. The
 * number of workers bounds how many scripts run at once, and so how many contexts each script keeps.
 */
final class ScriptWorkers {
    /** How much longer than its own timeout a caller waits for a call before giving up on it. */
    static final Duration CALLER_GRACE = Duration.ofSeconds(5);

    private final ExecutorService executor;
    private final Watchdog watchdog = new Watchdog();
    private final int size;

    ScriptWorkers(int size) {
        this.size = size;
        this.executor = Executors.newFixedThreadPool(size,
                Thread.ofPlatform().daemon().name("js-policy-worker-", 1).factory());
    }

    /** How many calls can run at once. */
    int size() {
        return size;
    }

    Watchdog watchdog() {
        return watchdog;
    }

    /**
     * Runs a call on a worker and waits for it. The call arms the watchdog itself; this method only
     * guards against a call that does not end {@link #CALLER_GRACE} after its own timeout.
     */
    CallOutcome run(Callable<CallOutcome> call, Duration timeout) {
        Future<CallOutcome> future = executor.submit(call);
        try {
            return future.get(timeout.plus(CALLER_GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            return CallOutcome.Failed.of(FailureKind.INTERNAL, "interrupted while waiting for the script");
        } catch (TimeoutException e) {
            future.cancel(false);
            return CallOutcome.Failed.of(FailureKind.TIMEOUT, "no result " + CALLER_GRACE.toSeconds()
                    + "s after the timeout");
        } catch (ExecutionException e) {
            return CallOutcome.Failed.of(FailureKind.INTERNAL, "the script worker failed: " + e.getCause());
        }
    }
}
