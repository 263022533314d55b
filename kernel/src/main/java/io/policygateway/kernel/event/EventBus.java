package io.policygateway.kernel.event;

import io.policygateway.api.Metrics;
import io.policygateway.api.event.EventSink;
import io.policygateway.api.event.PolicyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries policy events from request threads to the sinks without blocking them: {@link #emit}
 * only offers to a bounded queue; one writer thread drains it in batches. {@link #close()} drains
 * what is queued before returning, so a clean shutdown loses nothing. When the queue is full
 * (sinks far slower than traffic) events are dropped and counted, never blocking a request.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventBus.class);
    private static final int CAPACITY = 65_536;

    private final BlockingQueue<PolicyEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final List<EventSink> sinks = new CopyOnWriteArrayList<>();
    private final Metrics.Counter dropped;
    private final Metrics.Counter emitted;
    private final Thread writer;
    private volatile boolean closing;

    public EventBus(Metrics metrics) {
        dropped = metrics.counter("policy_events_dropped_total", "Policy events dropped because the event queue was full.");
        emitted = metrics.counter("policy_events_total", "Policy events emitted, by type.", "type");
        writer = Thread.ofPlatform().daemon().name("policy-event-writer").start(this::drainLoop);
    }

    public void addSink(EventSink sink) {
        sinks.add(sink);
    }

    /** Never blocks and never throws. */
    public void emit(PolicyEvent event) {
        if (closing || !queue.offer(event)) {
            dropped.inc();
            return;
        }
        emitted.inc(event.type());
    }

    private void drainLoop() {
        List<PolicyEvent> batch = new ArrayList<>(256);
        while (true) {
            try {
                PolicyEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 1023);
                deliver(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void deliver(List<PolicyEvent> batch) {
        for (EventSink sink : sinks) {
            try {
                sink.write(List.copyOf(batch));
            } catch (Exception e) {
                log.warn("Event sink {} failed to write {} events: {}", sink.getClass().getSimpleName(), batch.size(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<PolicyEvent> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            deliver(rest);
        }
        for (EventSink sink : sinks) {
            try {
                sink.close();
            } catch (Exception e) {
                log.warn("Event sink {} failed to close: {}", sink.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
