package io.policygateway.kernel.policy;

import java.util.Set;

/**
 * A spend limit in USD per period, computed from real token usage and the model price catalogue.
 *
 * @param limit USD per period for the project
 * @param perUserLimit USD per period for each user, if set
 * @param period {@code daily}, {@code weekly}, {@code monthly} (default) or {@code annual}
 * @param blockUnpriced refuse requests for models with no price (they cannot be counted), default true
 */
public record BudgetConfig(Double limit, Double perUserLimit, String period, Boolean blockUnpriced) {
    private static final Set<String> PERIODS = Set.of("daily", "weekly", "monthly", "annual");

    public BudgetConfig {
        period = period == null ? "monthly" : period;
        if (!PERIODS.contains(period)) {
            throw new IllegalArgumentException("period must be daily, weekly, monthly or annual");
        }
        if (limit != null && limit < 0 || perUserLimit != null && perUserLimit < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        blockUnpriced = blockUnpriced == null || blockUnpriced;
    }
}
