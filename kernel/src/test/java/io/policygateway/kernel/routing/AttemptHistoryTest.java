package io.policygateway.kernel.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.routing.TargetView.BreakerState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AttemptHistoryTest {
    private static GatewayException status(ErrorCategory category, int status, Duration retryAfter) {
        return new GatewayException(category, "Upstream failed (HTTP " + status + ")", null, null, status, retryAfter, null);
    }

    @Test
    void listsEveryAttemptWithTargetStatusOrErrorAndTime() {
        AttemptHistory history = new AttemptHistory("default");
        history.failed("a", status(ErrorCategory.UPSTREAM, 500, null), 12);
        history.failed("a", status(ErrorCategory.UPSTREAM, 503, null), 8);
        history.failed("b", new GatewayException(ErrorCategory.UPSTREAM, "upstream 127.0.0.1:9 is unreachable: Connection refused"), 3);
        history.skipped("c", new CircuitBreaker.Snapshot(BreakerState.OPEN, 0, Duration.ofMillis(11_200)));

        GatewayException failure = history.failure();
        assertEquals("No target of route 'default' could answer (3 attempts): a: HTTP 500 (12 ms); a: HTTP 503 (8 ms); "
                + "b: upstream 127.0.0.1:9 is unreachable: Connection refused (3 ms); c: skipped, circuit breaker open (retry in 12 s)",
                failure.getMessage());
        assertEquals(502, failure.status());
        assertEquals(3, history.attempts());
    }

    @Test
    void aSingleAttemptKeepsTheUpstreamsOwnError() {
        AttemptHistory history = new AttemptHistory("default");
        GatewayException only = status(ErrorCategory.UPSTREAM, 500, null);
        history.failed("a", only, 5);
        assertSame(only, history.failure());
    }

    @Test
    void everyAttemptTimingOutIsA504() {
        AttemptHistory history = new AttemptHistory("default");
        history.failed("a", new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT, "upstream timed out"), 500);
        history.failed("b", status(ErrorCategory.UPSTREAM_TIMEOUT, 504, null), 20);
        assertEquals(504, history.failure().status());
        assertEquals("No target of route 'default' could answer (2 attempts): a: timed out (500 ms); b: HTTP 504 (20 ms)",
                history.failure().getMessage());
    }

    @Test
    void everyAttemptRateLimitedIsA429WithTheShortestRetryAfter() {
        AttemptHistory history = new AttemptHistory("default");
        history.failed("a", status(ErrorCategory.RATE_LIMITED, 429, Duration.ofSeconds(20)), 2);
        history.failed("b", status(ErrorCategory.RATE_LIMITED, 429, Duration.ofSeconds(7)), 2);
        GatewayException failure = history.failure();
        assertEquals(429, failure.status());
        assertEquals(Duration.ofSeconds(7), failure.retryAfter().orElseThrow());
    }

    @Test
    void everyTargetSkippedIsA503WithTheEarliestReopening() {
        AttemptHistory history = new AttemptHistory("gpt");
        history.skipped("a", new CircuitBreaker.Snapshot(BreakerState.OPEN, 0, Duration.ofSeconds(25)));
        history.skipped("b", new CircuitBreaker.Snapshot(BreakerState.HALF_OPEN, 0, Duration.ZERO));
        history.skipped("c", new CircuitBreaker.Snapshot(BreakerState.OPEN, 0, Duration.ofSeconds(4)));
        GatewayException failure = history.failure();
        assertEquals(503, failure.status());
        assertEquals(Duration.ofSeconds(4), failure.retryAfter().orElseThrow());
        assertEquals("No target of route 'gpt' is available: a: skipped, circuit breaker open (retry in 25 s); "
                + "b: skipped, circuit breaker half-open (another request is probing it); "
                + "c: skipped, circuit breaker open (retry in 4 s)", failure.getMessage());
    }
}
