package io.policygateway.kernel.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {
    private final ManualClock clock = new ManualClock();
    private final LatencyWindow window = new LatencyWindow(new LatencyConfig(4, Duration.ofSeconds(60)), clock);

    @Test
    void hasNoMedianBeforeTheFirstSample() {
        assertTrue(window.median().millis().isEmpty());
        assertEquals(0, window.median().samples());
    }

    @Test
    void medianOfAnOddAndAnEvenNumberOfSamples() {
        window.record(30);
        window.record(10);
        window.record(20);
        assertEquals(20, window.median().millis().getAsDouble());
        window.record(100);
        assertEquals(25, window.median().millis().getAsDouble());
        assertEquals(4, window.median().samples());
    }

    @Test
    void keepsOnlyTheMostRecentSamples() {
        for (int i = 0; i < 4; i++) {
            window.record(500);
        }
        for (int i = 0; i < 3; i++) {
            window.record(10);
        }
        assertEquals(10, window.median().millis().getAsDouble(), "three of the last four samples are fast");
    }

    @Test
    void forgetsSamplesOlderThanTheMaximumAge() {
        window.record(500);
        clock.advance(Duration.ofSeconds(45));
        window.record(10);
        assertEquals(2, window.median().samples());
        clock.advance(Duration.ofSeconds(20));
        assertEquals(1, window.median().samples());
        assertEquals(10, window.median().millis().getAsDouble());
        clock.advance(Duration.ofSeconds(60));
        assertTrue(window.median().millis().isEmpty(), "an unused target is measured afresh");
    }
}
