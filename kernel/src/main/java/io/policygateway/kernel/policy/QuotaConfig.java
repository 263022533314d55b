package io.policygateway.kernel.policy;

/**
 * Request and token quotas per minute, day and month (calendar, UTC). Null means unlimited.
 *
 * @param perUser the same limits applied to each {@code X-Policy-User} separately
 */
public record QuotaConfig(Long requestsPerMinute, Long requestsPerDay, Long requestsPerMonth, Long tokensPerMinute, Long tokensPerDay,
        Long tokensPerMonth, QuotaConfig perUser) {
    public static final QuotaConfig NONE = new QuotaConfig(null, null, null, null, null, null, null);

    public QuotaConfig {
        for (Long limit : new Long[] {requestsPerMinute, requestsPerDay, requestsPerMonth, tokensPerMinute, tokensPerDay, tokensPerMonth}) {
            if (limit != null && limit < 0) {
                throw new IllegalArgumentException("quota limits must not be negative");
            }
        }
    }
}
