package io.policygateway.kernel.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.routing.TargetView.BreakerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final ManualClock clock = new ManualClock();
    private final List<BreakerState> changes = new ArrayList<>();
    private final CircuitBreaker breaker = new CircuitBreaker(
            new BreakerConfig(true, 3, Duration.ofSeconds(10), Duration.ofSeconds(30)), clock, changes::add);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
    }

    @Test
    void opensAfterTheThresholdOfFailuresWithinTheWindowAndSkipsTheTarget() {
        fail(2);
        assertEquals(BreakerState.CLOSED, breaker.state());
        fail(1);
        assertEquals(BreakerState.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "an open breaker refuses requests");
        assertEquals(Duration.ofSeconds(30), breaker.snapshot().retryIn());
        assertEquals(List.of(BreakerState.OPEN), changes);
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail(2);
        clock.advance(Duration.ofSeconds(11));
        fail(2);
        assertEquals(BreakerState.CLOSED, breaker.state());
        assertEquals(2, breaker.snapshot().recentFailures());
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        fail(2);
        breaker.onSuccess();
        fail(2);
        assertEquals(BreakerState.CLOSED, breaker.state());
    }

    @Test
    void turnsHalfOpenAfterTheCooldownAndLetsExactlyOneProbeThrough() {
        fail(3);
        clock.advance(Duration.ofSeconds(29));
        assertFalse(breaker.tryAcquire());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(breaker.tryAcquire(), "the first request after the cooldown is the probe");
        assertEquals(BreakerState.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "no second request while the probe is in flight");
    }

    @Test
    void aSuccessfulProbeClosesTheBreaker() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());
        breaker.onSuccess();
        assertEquals(BreakerState.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertEquals(List.of(BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED), changes);
    }

    @Test
    void aFailedProbeOpensTheBreakerForAnotherCooldown() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(BreakerState.OPEN, breaker.state());
        clock.advance(Duration.ofSeconds(29));
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void aProbeThatEndsWithoutAVerdictLetsTheNextRequestProbe() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());
        breaker.release();
        assertEquals(BreakerState.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aProbeThatNeverReportsIsReplacedAfterAnotherCooldown() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());
        clock.advance(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aDisabledBreakerNeverOpens() {
        CircuitBreaker disabled = new CircuitBreaker(new BreakerConfig(false, 1, null, null), clock, changes::add);
        for (int i = 0; i < 10; i++) {
            assertTrue(disabled.tryAcquire());
            disabled.onFailure();
        }
        assertEquals(BreakerState.CLOSED, disabled.state());
        assertTrue(changes.isEmpty());
    }
}
