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
 * Stops script calls that use too much CPU time or allocate too much memory. One daemon thread
 * checks the calls in progress every millisecond (and sleeps while there are none); a call over
 * its limit has its context cancelled ({@code Context.close(true)}) from a separate virtual thread,
 * so a call stuck in a long built-in cannot stall the watchdog itself.
 *
 * <p>Both limits are read per thread from the JVM ({@code ThreadMXBean.getThreadCpuTime} and
 * {@code getThreadAllocatedBytes}), which only works for platform threads: that is why scripts run
 * on {@link ScriptWorkers}. CPU time rather than wall-clock time is limited so that a busy machine
 * does not make healthy scripts time out; where the JVM cannot measure thread CPU time, the limit
 * falls back to wall-clock time.
 */
final class Watchdog {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final long CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int ARMED = 0;
    private static final int FINISHED = 1;
    private static final int TIMED_OUT = 2;
    private static final int OVER_MEMORY = 3;

    private final Set<Watch> active = ConcurrentHashMap.newKeySet();
    private final com.sun.management.ThreadMXBean threads;
    private final boolean countsCpu;
    private final boolean countsAllocation;
    private final Thread thread;
    private volatile boolean idle;

    Watchdog() {
        com.sun.management.ThreadMXBean counters = ManagementFactory.getThreadMXBean()
                instanceof com.sun.management.ThreadMXBean bean ? bean : null;
        this.threads = counters;
        this.countsCpu = counters != null && counters.isThreadCpuTimeSupported() && enableCpuTime(counters);
        this.countsAllocation = counters != null && counters.isThreadAllocatedMemorySupported()
                && enableAllocation(counters);
        if (!countsCpu) {
            LOG.warn("This JVM cannot measure CPU time per thread: policy script timeouts count wall-clock time");
        }
        if (!countsAllocation) {
            LOG.warn("This JVM cannot count allocated bytes per thread: policy scripts have no memory limit");
        }
        this.thread = Thread.ofPlatform().daemon().name("js-policy-watchdog").unstarted(this::run);
        this.thread.start();
    }

    private static boolean enableCpuTime(com.sun.management.ThreadMXBean counters) {
        counters.setThreadCpuTimeEnabled(true);
        return counters.isThreadCpuTimeEnabled();
    }

    private static boolean enableAllocation(com.sun.management.ThreadMXBean counters) {
        counters.setThreadAllocatedMemoryEnabled(true);
        return counters.isThreadAllocatedMemoryEnabled();
    }

    /**
     * Starts watching a call that is about to run on the current (platform) thread.
     *
     * @param context the context to cancel when a limit is exceeded
     * @param timeoutNanos how much CPU time the call may use
     * @param memoryBytes how many bytes the call may allocate
     */
    Watch arm(Context context, long timeoutNanos, long memoryBytes) {
        Thread worker = Thread.currentThread();
        boolean platform = !worker.isVirtual();
        long cpuAtStart = platform && countsCpu ? threads.getThreadCpuTime(worker.threadId()) : -1;
        long allocatedAtStart = platform && countsAllocation ? threads.getThreadAllocatedBytes(worker.threadId()) : -1;
        Watch watch = new Watch(context, worker.threadId(), timeoutNanos, System.nanoTime(), cpuAtStart,
                allocatedAtStart < 0 ? -1 : allocatedAtStart + memoryBytes);
        active.add(watch);
        if (idle) {
            LockSupport.unpark(thread);
        }
        return watch;
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

    /** One watched call. The worker calls {@link #disarm()} when the call returns. */
    final class Watch {
        private final Context context;
        private final long threadId;
        private final long timeoutNanos;
        private final long startedAt;
        private final long cpuAtStart;
        private final long allocationLimit;
        private final AtomicInteger state = new AtomicInteger(ARMED);

        private Watch(Context context, long threadId, long timeoutNanos, long startedAt, long cpuAtStart,
                long allocationLimit) {
            this.context = requireNonNull(context, "context is null");
            this.threadId = threadId;
            this.timeoutNanos = timeoutNanos;
            this.startedAt = startedAt;
            this.cpuAtStart = cpuAtStart;
            this.allocationLimit = allocationLimit;
        }

        private void check(long now) {
            long used = cpuAtStart >= 0 ? threads.getThreadCpuTime(threadId) - cpuAtStart : now - startedAt;
            if (used >= timeoutNanos) {
                fire(TIMED_OUT);
            } else if (allocationLimit >= 0 && threads.getThreadAllocatedBytes(threadId) > allocationLimit) {
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
         * @return null when the call finished within its limits, else why it was cancelled
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
