package io.policygateway.kernel.policy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.Usage;
import io.policygateway.kernel.store.UsageLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Project and per-user quotas (requests and tokens per minute, day, month) and budgets (USD per
 * period), reserved before the call and settled with real usage after it.
 */
public final class Quotas {
    static final long MICROS_PER_USD = 1_000_000;

    private final UsageLedger ledger;
    private final Pricing pricing;
    private final Clock clock;

    public Quotas(UsageLedger ledger, Pricing pricing, Clock clock) {
        this.ledger = ledger;
        this.pricing = pricing;
        this.clock = clock;
    }

    /** A reservation held for one request. */
    public final class Held {
        private final UsageLedger.Reservation reservation;
        private final List<String> kinds;
        private boolean settled;

        Held(UsageLedger.Reservation reservation, List<String> kinds) {
            this.reservation = reservation;
            this.kinds = kinds;
        }

        /** Replaces the estimate with real usage; idempotent. */
        public void settle(String provider, String model, Usage usage) {
            if (settled) {
                return;
            }
            settled = true;
            long cost = micros(pricing.costUsd(provider, model, usage));
            List<Long> actual = new ArrayList<>();
            for (String kind : kinds) {
                actual.add(switch (kind) {
                    case "requests" -> 1L;
                    case "tokens" -> usage.totalTokens();
                    default -> cost;
                });
            }
            ledger.settle(reservation, actual);
        }

        /** Remaining amounts per limit, for the response's {@code policy.quota}. */
        public ObjectNode remaining() {
            ObjectNode quota = JsonNodeFactory.instance.objectNode();
            for (UsageLedger.Limit limit : reservation.limits()) {
                long left = Math.max(0, limit.limit() - ledger.current(limit));
                ObjectNode entry = quota.putObject(limit.label());
                if (limit.key().contains("|spend|")) {
                    entry.put("limit_usd", limit.limit() / (double) MICROS_PER_USD).put("remaining_usd", left / (double) MICROS_PER_USD);
                } else {
                    entry.put("limit", limit.limit()).put("remaining", left);
                }
                entry.put("resets_at", limit.windowEnd().toString());
            }
            return quota;
        }
    }

    /**
     * Reserves the request's estimate against every quota and budget of its project and user.
     *
     * @throws GatewayException 429 with {@code Retry-After} when one is spent; 403 for an unpriced model under a budget that blocks them
     */
    public Held reserve(ProjectConfig project, Optional<String> user, String provider, String model, long estimatedTokens)
            throws GatewayException {
        Instant now = clock.instant();
        List<UsageLedger.Limit> limits = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        String projectSubject = "project:" + project.id();
        addQuotas(limits, amounts, kinds, project.quotas(), projectSubject, "project " + project.id(), estimatedTokens, now);
        if (user.isPresent() && project.quotas().perUser() != null) {
            addQuotas(limits, amounts, kinds, project.quotas().perUser(), projectSubject + "/user:" + user.get(), "user " + user.get(),
                    estimatedTokens, now);
        }
        BudgetConfig budget = project.budget();
        if (budget != null && (budget.limit() != null || budget.perUserLimit() != null)) {
            OptionalDouble estimate = pricing.costUsd(provider, model, new Usage(estimatedTokens, 0, 0));
            if (estimate.isEmpty() && budget.blockUnpriced()) {
                throw GatewayException.policy("UNPRICED_MODEL", "The model '" + model + "' has no price in the catalogue, so project "
                        + project.id() + "'s budget cannot count it; add it under models.prices or set budget.block_unpriced: false.");
            }
            long cost = micros(estimate);
            if (budget.limit() != null) {
                add(limits, amounts, kinds, "spend", projectSubject, budget.period(), micros(OptionalDouble.of(budget.limit())), cost, now,
                        "spend " + budget.period() + " (project " + project.id() + ")");
            }
            if (budget.perUserLimit() != null && user.isPresent()) {
                add(limits, amounts, kinds, "spend", projectSubject + "/user:" + user.get(), budget.period(),
                        micros(OptionalDouble.of(budget.perUserLimit())), cost, now, "spend " + budget.period() + " (user " + user.get() + ")");
            }
        }
        Optional<UsageLedger.Exceeded> exceeded = ledger.reserve(limits, amounts);
        if (exceeded.isPresent()) {
            UsageLedger.Limit limit = exceeded.get().limit();
            Duration wait = Duration.between(now, limit.windowEnd());
            String unit = limit.key().contains("|requests|") ? "requests" : limit.key().contains("|tokens|") ? "tokens" : "usd";
            Map<String, String> headers = new LinkedHashMap<>(RateLimitHeaders.of(unit, unit.equals("usd") ? limit.limit() / MICROS_PER_USD : limit.limit(),
                    0, wait.toNanos()));
            throw new LimitExceededException(unit.equals("usd") ? "BUDGET_EXCEEDED" : "QUOTA_EXCEEDED",
                    "Quota exceeded: " + limit.label() + " is spent; it resets at " + limit.windowEnd() + ".", wait, headers);
        }
        return new Held(new UsageLedger.Reservation(limits, amounts), kinds);
    }

    private void addQuotas(List<UsageLedger.Limit> limits, List<Long> amounts, List<String> kinds, QuotaConfig quota, String subject,
            String who, long tokens, Instant now) {
        addIf(limits, amounts, kinds, "requests", subject, "minute", quota.requestsPerMinute(), 1, now, "requests_per_minute (" + who + ")");
        addIf(limits, amounts, kinds, "requests", subject, "day", quota.requestsPerDay(), 1, now, "requests_per_day (" + who + ")");
        addIf(limits, amounts, kinds, "requests", subject, "month", quota.requestsPerMonth(), 1, now, "requests_per_month (" + who + ")");
        addIf(limits, amounts, kinds, "tokens", subject, "minute", quota.tokensPerMinute(), tokens, now, "tokens_per_minute (" + who + ")");
        addIf(limits, amounts, kinds, "tokens", subject, "day", quota.tokensPerDay(), tokens, now, "tokens_per_day (" + who + ")");
        addIf(limits, amounts, kinds, "tokens", subject, "month", quota.tokensPerMonth(), tokens, now, "tokens_per_month (" + who + ")");
    }

    private static void addIf(List<UsageLedger.Limit> limits, List<Long> amounts, List<String> kinds, String kind, String subject,
            String period, Long limit, long amount, Instant now, String label) {
        if (limit != null) {
            add(limits, amounts, kinds, kind, subject, period, limit, amount, now, label);
        }
    }

    private static void add(List<UsageLedger.Limit> limits, List<Long> amounts, List<String> kinds, String kind, String subject,
            String period, long limit, long amount, Instant now, String label) {
        limits.add(new UsageLedger.Limit(subject + "|" + kind + "|" + Windows.key(period, now), limit, Windows.end(period, now), label));
        amounts.add(amount);
        kinds.add(kind);
    }

    static long micros(OptionalDouble usd) {
        return usd.isPresent() ? Math.round(usd.getAsDouble() * MICROS_PER_USD) : 0;
    }
}
