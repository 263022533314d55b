package io.policygateway.kernel.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.of(new RetryConfig(3, List.of(429, 503),
            new RetryConfig.Backoff(Duration.ofMillis(200), Duration.ofSeconds(1))));

    private static GatewayException upstream(int status) {
        return new GatewayException(ErrorCategory.UPSTREAM, "Upstream a failed (HTTP " + status + ")", null, null, status, null, null);
    }

    @Test
    void backoffCeilingDoublesPerRetryUpToTheMaximum() {
        double almostOne = Math.nextDown(1.0);
        assertEquals(199, policy.delayBefore(1, Optional.empty(), almostOne).orElseThrow().toMillis());
        assertEquals(399, policy.delayBefore(2, Optional.empty(), almostOne).orElseThrow().toMillis());
        assertEquals(799, policy.delayBefore(3, Optional.empty(), almostOne).orElseThrow().toMillis());
        assertEquals(999, policy.delayBefore(4, Optional.empty(), almostOne).orElseThrow().toMillis());
        assertEquals(999, policy.delayBefore(30, Optional.empty(), almostOne).orElseThrow().toMillis());
    }

    @Test
    void fullJitterSpreadsTheWaitBetweenZeroAndTheCeiling() {
        assertEquals(Duration.ZERO, policy.delayBefore(2, Optional.empty(), 0).orElseThrow());
        assertEquals(200, policy.delayBefore(2, Optional.empty(), 0.5).orElseThrow().toMillis());
    }

    @Test
    void honoursRetryAfterUpToTheMaximumAndGivesUpOnLongerOnes() {
        assertEquals(Duration.ofMillis(700), policy.delayBefore(1, Optional.of(Duration.ofMillis(700)), 0.1).orElseThrow());
        assertTrue(policy.delayBefore(1, Optional.of(Duration.ofSeconds(5)), 0.1).isEmpty(),
                "waiting longer than backoff.max is not worth it: move to the next target instead");
    }

    @Test
    void retriesListedStatusesConnectionErrorsAndTimeoutsOnly() {
        assertTrue(policy.retriesOn(upstream(503)));
        assertTrue(policy.retriesOn(upstream(429)));
        assertFalse(policy.retriesOn(upstream(500)), "500 is not in on_status here");
        assertTrue(policy.retriesOn(new GatewayException(ErrorCategory.UPSTREAM, "upstream 127.0.0.1:1 is unreachable")));
        assertTrue(policy.retriesOn(new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT, "upstream timed out")));
        assertFalse(policy.retriesOn(GatewayException.invalid("model", "bad")));
    }
}
