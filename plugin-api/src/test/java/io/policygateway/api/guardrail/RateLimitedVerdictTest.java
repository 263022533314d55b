package io.policygateway.api.guardrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitedVerdictTest {

    @Test
    void aRateLimitedVerdictIsABlockCarryingTheDelayAndHeaders() {
        Verdict verdict = Verdict.rateLimited("RATE_LIMITED", "2 requests per minute", Duration.ofSeconds(30),
                Map.of("x-ratelimit-remaining-requests", "0"));

        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("RATE_LIMITED", verdict.reasonCode());
        assertEquals(Duration.ofSeconds(30), verdict.rateLimit().orElseThrow().retryAfter());
        assertEquals(Map.of("x-ratelimit-remaining-requests", "0"), verdict.rateLimit().orElseThrow().headers());
    }

    @Test
    void theSixArgumentConstructorOfEarlierPluginsStillBuildsAVerdictWithoutRateLimit() {
        Verdict verdict = new Verdict(Decision.BLOCK, "X", "no", Optional.empty(), Optional.empty(), Map.of());

        assertTrue(verdict.rateLimit().isEmpty());
        assertTrue(Verdict.block("X", "no").rateLimit().isEmpty());
    }

    @Test
    void addingDetailsKeepsTheRateLimit() {
        Verdict verdict = Verdict.rateLimited("RATE_LIMITED", "", Duration.ofSeconds(1), Map.of()).withDetails(Map.of("key", "p1"));

        assertTrue(verdict.rateLimit().isPresent());
        assertEquals("p1", verdict.details().get("key"));
    }

    @Test
    void onlyABlockCanBeARateLimit() {
        assertThrows(IllegalArgumentException.class, () -> new Verdict(Decision.WARN, "X", "", Optional.empty(), Optional.empty(),
                Map.of(), Optional.of(new RateLimit(Duration.ZERO, Map.of()))));
    }

    @Test
    void refusesHeadersThatAreNotRateLimitHeadersOrSpanLines() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(Duration.ZERO, Map.of("set-cookie", "a=b")));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(Duration.ZERO, Map.of("x-ratelimit-limit-requests", "1\r\nx: y")));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(Duration.ofSeconds(-1), Map.of()));
    }
}
