package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Idle contexts of one script version. A call borrows one (or gets a new one) and gives it back
 * when it succeeded; a failed call closes its context instead. At most as many contexts are kept
 * as calls can run at once. Once the version is retired (the file changed or was removed), idle
 * contexts are closed and returned ones are closed instead of kept. Thread-safe.
 */
final class ContextPool {
    private final BlockingQueue<ScriptContext> idle;
    private final Supplier<ScriptContext> opener;
    private volatile boolean retired;

    ContextPool(int capacity, Supplier<ScriptContext> opener) {
        this.idle = new ArrayBlockingQueue<>(capacity);
        this.opener = requireNonNull(opener, "opener is null");
    }

    /** An idle context, or a new one (which may throw if the script no longer compiles). */
    ScriptContext borrow() {
        ScriptContext context = idle.poll();
        return context != null ? context : opener.get();
    }

    /** Keeps a context that finished a call cleanly, or closes it when not needed any more. */
    void giveBack(ScriptContext context) {
        if (retired || !idle.offer(context)) {
            context.close();
            return;
        }
        if (retired) {
            closeIdle();
        }
    }

    /** Closes idle contexts now and every borrowed one when it comes back. */
    void retire() {
        retired = true;
        closeIdle();
    }

    int idleCount() {
        return idle.size();
    }

    private void closeIdle() {
        ScriptContext context;
        while ((context = idle.poll()) != null) {
            context.close();
        }
    }
}
