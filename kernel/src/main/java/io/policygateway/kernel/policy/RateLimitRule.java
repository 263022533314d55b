package io.policygateway.kernel.policy;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.policygateway.api.GatewayException;
import io.policygateway.api.Usage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * {@code kind: rate-limit}: token buckets (Bucket4j) for requests and tokens per minute, and a cap
 * on concurrent requests, each keyed by the rule's scope. Tokens are taken as an estimate before
 * the call and corrected with real usage after it.
 */
final class RateLimitRule implements RuleCheck {
    private final PolicyRule rule;
    private final long requestsPerMinute;
    private final long tokensPerMinute;
    private final int concurrency;
    private final Map<String, Bucket> requestBuckets = new ConcurrentHashMap<>();
    private final Map<String, Bucket> tokenBuckets = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

    RateLimitRule(PolicyRule rule) {
        this.rule = rule;
        this.requestsPerMinute = rule.section().path("requestsPerMinute").asLong(0);
        this.tokensPerMinute = rule.section().path("tokensPerMinute").asLong(0);
        this.concurrency = rule.section().path("concurrency").asInt(0);
    }

    private static Bucket perMinute(long capacity) {
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, Duration.ofMinutes(1))).build();
    }

    @Override
    public PolicyRule rule() {
        return rule;
    }

    @Override
    public Admitted admit(RuleInput input) throws GatewayException {
        String key = input.scopeKey(rule.scope());
        Map<String, String> headers = new LinkedHashMap<>();
        if (requestsPerMinute > 0) {
            ConsumptionProbe probe = requestBuckets.computeIfAbsent(key, any -> perMinute(requestsPerMinute)).tryConsumeAndReturnRemaining(1);
            headers.putAll(RateLimitHeaders.of("requests", requestsPerMinute, probe.getRemainingTokens(), probe.getNanosToWaitForRefill()));
            if (!probe.isConsumed()) {
                throw new LimitExceededException("RATE_LIMITED", "Rule " + rule.id() + " allows " + requestsPerMinute + " requests per minute ("
                        + key + ").", Duration.ofNanos(probe.getNanosToWaitForRefill()), headers);
            }
        }
        long estimate = input.estimatedInputTokens();
        Bucket tokens = tokensPerMinute > 0 ? tokenBuckets.computeIfAbsent(key, any -> perMinute(tokensPerMinute)) : null;
        if (tokens != null) {
            ConsumptionProbe probe = tokens.tryConsumeAndReturnRemaining(Math.min(estimate, tokensPerMinute));
            headers.putAll(RateLimitHeaders.of("tokens", tokensPerMinute, probe.getRemainingTokens(), probe.getNanosToWaitForRefill()));
            if (!probe.isConsumed()) {
                throw new LimitExceededException("RATE_LIMITED", "Rule " + rule.id() + " allows " + tokensPerMinute + " tokens per minute ("
                        + key + ").", Duration.ofNanos(probe.getNanosToWaitForRefill()), headers);
            }
        }
        Semaphore slots = concurrency > 0 ? inFlight.computeIfAbsent(key, any -> new Semaphore(concurrency)) : null;
        if (slots != null && !slots.tryAcquire()) {
            throw new LimitExceededException("CONCURRENCY_LIMITED", "Rule " + rule.id() + " allows " + concurrency
                    + " concurrent requests (" + key + ").", Duration.ofSeconds(1), headers);
        }
        long taken = tokens == null ? 0 : Math.min(estimate, tokensPerMinute);
        return new Admitted() {
            @Override
            public void settle(Outcome outcome) {
                Usage usage = outcome.usage();
                if (slots != null) {
                    slots.release();
                }
                if (tokens != null && usage.totalTokens() > taken) {
                    tokens.consumeIgnoringRateLimits(usage.totalTokens() - taken);
                }
            }
        };
    }
}
