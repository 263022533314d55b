package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.routing.TargetView.BreakerState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One target's circuit breaker: closed → open after {@code failure_threshold} failures within
 * {@code window} with no success in between → half-open once {@code cooldown} has passed, when one
 * probe request is let through → closed if it succeeds, open again (for another cooldown) if not.
 * Thread-safe; every method is short and never blocks on I/O.
 */
public final class CircuitBreaker {
    private final BreakerConfig config;
    private final Clock clock;
    private final Consumer<BreakerState> onChange;
    private final ArrayDeque<Long> failureTimes = new ArrayDeque<>();
    private BreakerState state = BreakerState.CLOSED;
    private long openedAt;
    private long probeGrantedAt = -1;

    /** @param onChange told every new state, while the breaker's lock is held (keep it fast) */
    public CircuitBreaker(BreakerConfig config, Clock clock, Consumer<BreakerState> onChange) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.onChange = requireNonNull(onChange, "onChange is null");
    }

    /** What the breaker looks like now, for {@code /health}. */
    public record Snapshot(BreakerState state, int recentFailures, Duration retryIn) {
    }

    /**
     * Asks to send a request to the target. Closed: yes. Open: no, until the cooldown has passed;
     * then the breaker turns half-open and the caller becomes its probe. Half-open: yes only if no
     * probe is in flight (a probe that never reported is replaced after another cooldown).
     * A caller told yes must report with {@link #onSuccess}, {@link #onFailure} or {@link #release}.
     */
    public synchronized boolean tryAcquire() {
        if (!config.enabled()) {
            return true;
        }
        long now = clock.millis();
        advance(now);
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (probeGrantedAt >= 0 && now - probeGrantedAt < cooldownMillis()) {
                    yield false;
                }
                probeGrantedAt = now;
                yield true;
            }
        };
    }

    /** The target answered: forget failures; a half-open breaker closes. */
    public synchronized void onSuccess() {
        if (!config.enabled()) {
            return;
        }
        failureTimes.clear();
        if (state == BreakerState.HALF_OPEN) {
            probeGrantedAt = -1;
            change(BreakerState.CLOSED);
        }
    }

    /** The target failed (error status, connection error, timeout, broken stream). */
    public synchronized void onFailure() {
        if (!config.enabled()) {
            return;
        }
        long now = clock.millis();
        switch (state) {
            case CLOSED -> {
                failureTimes.addLast(now);
                dropOldFailures(now);
                if (failureTimes.size() >= config.failureThreshold()) {
                    open(now);
                }
            }
            case HALF_OPEN -> open(now);
            case OPEN -> {
                // a request let through before the breaker opened; the cooldown already runs
            }
        }
    }

    /** The attempt ended without saying anything about the target's health (e.g. the caller's request was refused). */
    public synchronized void release() {
        if (state == BreakerState.HALF_OPEN) {
            probeGrantedAt = -1;
        }
    }

    public synchronized Snapshot snapshot() {
        long now = clock.millis();
        advance(now);
        dropOldFailures(now);
        Duration retryIn = state == BreakerState.OPEN ? Duration.ofMillis(Math.max(0, openedAt + cooldownMillis() - now)) : Duration.ZERO;
        return new Snapshot(state, failureTimes.size(), retryIn);
    }

    public synchronized BreakerState state() {
        advance(clock.millis());
        return state;
    }

    private void advance(long now) {
        if (state == BreakerState.OPEN && now - openedAt >= cooldownMillis()) {
            probeGrantedAt = -1;
            change(BreakerState.HALF_OPEN);
        }
    }

    private void open(long now) {
        openedAt = now;
        probeGrantedAt = -1;
        failureTimes.clear();
        change(BreakerState.OPEN);
    }

    private void dropOldFailures(long now) {
        long oldest = now - config.window().toMillis();
        while (!failureTimes.isEmpty() && failureTimes.peekFirst() <= oldest) {
            failureTimes.removeFirst();
        }
    }

    private long cooldownMillis() {
        return config.cooldown().toMillis();
    }

    private void change(BreakerState next) {
        if (state != next) {
            state = next;
            onChange.accept(next);
        }
    }
}
