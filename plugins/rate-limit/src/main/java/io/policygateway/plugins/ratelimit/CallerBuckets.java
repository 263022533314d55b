package io.policygateway.plugins.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One caller's token buckets: requests and tokens, each refilled greedily (a little at a time, not
 * all at once per minute). Thread-safe (Bucket4j's lock-free local buckets).
 *
 * @param requests present when {@code requests_per_minute} is set: capacity {@code burst}
 * @param tokens present when {@code tokens_per_minute} is set: capacity {@code tokens_per_minute}
 */
record CallerBuckets(Optional<Bucket> requests, Optional<Bucket> tokens) {

    static CallerBuckets create(RateLimitSettings settings, TimeMeter time) {
        Optional<Bucket> requests = settings.requestsPerMinute() == 0 ? Optional.empty()
                : Optional.of(bucket(settings.burst(), settings.requestsPerMinute(), time));
        Optional<Bucket> tokens = settings.tokensPerMinute() == 0 ? Optional.empty()
                : Optional.of(bucket(settings.tokensPerMinute(), settings.tokensPerMinute(), time));
        return new CallerBuckets(requests, tokens);
    }

    private static Bucket bucket(long capacity, long perMinute, TimeMeter time) {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(perMinute, Duration.ofMinutes(1))).build();
    }

    /** Bucket4j's time source from the gateway's clock, so tests can move time. */
    static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
