package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.graalvm.polyglot.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops script calls that run too long or allocate too much. One daemon thread checks the calls in
 * progress every millisecond (and sleeps when there are none); a call over its deadline or its
 * allocation budget has its context cancelled ({@code Context.close(true)}) from a separate
 * virtual thread, so a call stuck in a long built-in cannot stall the watchdog itself.
 *
 * <p>Allocation is read per thread from the JVM ({@code ThreadMXBean.getThreadAllocatedBytes}),
 * which only works for platform threads: that is why scripts run on {@link ScriptWorkers}.
 */
final class Watchdog {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final long CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Set<Watch> active = ConcurrentHashMap.newKeySet();
    private final com.sun.management.ThreadMXBean threads;
    private final Thread thread;
    private volatile boolean idle;

    Watchdog() {
        this.threads = allocationCounter();
        this.thread = Thread.ofPlatform().daemon().name("js-policy-watchdog").unstarted(this::run);
        this.thread.start();
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean counter
                && counter.isThreadAllocatedMemorySupported()) {
            counter.setThreadAllocatedMemoryEnabled(true);
            return counter;
        }
        LOG.warn("This JVM cannot count allocated bytes per thread: policy scripts are limited by time only");
        return null;
    }

    /**
     * Starts watching a call that is about to run on the current (platform) thread.
     *
     * @param context the context to cancel when a limit is exceeded
     * @param timeoutNanos how long the call may run
     * @param memoryBytes how many bytes the call may allocate
     */
    Watch arm(Context context, long timeoutNanos, long memoryBytes) {
        Thread worker = Thread.currentThread();
        long allocatedAtStart = allocated(worker);
        Watch watch = new Watch(context, worker, System.nanoTime() + timeoutNanos,
                allocatedAtStart < 0 ? -1 : allocatedAtStart + memoryBytes);
        active.add(watch);
        if (idle) {
            LockSupport.unpark(thread);
        }
        return watch;
    }

    private long allocated(Thread worker) {
        if (threads == null || worker.isVirtual()) {
            return -1;
        }
        return threads.getThreadAllocatedBytes(worker.threadId());
    }

    private void run() {
        while (true) {
            if (active.isEmpty()) {
                idle = true;
                if (active.isEmpty()) {
                    LockSupport.park(this);
                }
                idle = false;
                continue;
            }
            LockSupport.parkNanos(this, CHECK_INTERVAL_NANOS);
            long now = System.nanoTime();
            for (Watch watch : active) {
                watch.check(now);
            }
        }
    }

    private static final int ARMED = 0;
    private static final int FINISHED = 1;
    private static final int TIMED_OUT = 2;
    private static final int OVER_MEMORY = 3;

    /** One watched call. The worker calls {@link #disarm()} when the call returns. */
    final class Watch {
        private final Context context;
        private final Thread worker;
        private final long deadline;
        private final long allocationLimit;
        private final AtomicInteger state = new AtomicInteger(ARMED);

        private Watch(Context context, Thread worker, long deadline, long allocationLimit) {
            this.context = requireNonNull(context, "context is null");
            this.worker = requireNonNull(worker, "worker is null");
            this.deadline = deadline;
            this.allocationLimit = allocationLimit;
        }

        private void check(long now) {
            if (now - deadline >= 0) {
                fire(TIMED_OUT);
            } else if (allocationLimit >= 0 && allocated(worker) > allocationLimit) {
                fire(OVER_MEMORY);
            }
        }

        private void fire(int reason) {
            active.remove(this);
            if (state.compareAndSet(ARMED, reason)) {
                Thread.ofVirtual().name("js-policy-cancel").start(this::cancel);
            }
        }

        private void cancel() {
            try {
                context.close(true);
            } catch (RuntimeException ignored) {
                // A cancelled context reports its own cancellation when closed; nothing to do.
            }
        }

        /**
         * Stops watching.
         *
         * @return null when the call finished in time, else why it was cancelled
         */
        FailureKind disarm() {
            active.remove(this);
            if (state.compareAndSet(ARMED, FINISHED)) {
                return null;
            }
            return state.get() == TIMED_OUT ? FailureKind.TIMEOUT : FailureKind.MEMORY;
        }
    }
}
