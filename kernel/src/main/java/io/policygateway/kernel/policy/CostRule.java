package io.policygateway.kernel.policy;

import io.policygateway.api.GatewayException;
import io.policygateway.api.Usage;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.kernel.store.UsageLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code kind: cost}: spend per period (from real usage × the price catalogue) keyed by the rule's
 * scope. When the next request could exceed {@code limit}: {@code alert} lets it through with a
 * {@code warn} decision, {@code throttle} answers 429 until the period resets, {@code block} answers
 * 403. A model with no price is never counted as $0: {@code block} refuses it, the others warn.
 */
final class CostRule implements RuleCheck {
    private final PolicyRule rule;
    private final long limitMicros;
    private final String period;
    private final String action;
    private final UsageLedger ledger;
    private final Pricing pricing;
    private final Clock clock;

    CostRule(PolicyRule rule, UsageLedger ledger, Pricing pricing, Clock clock) {
        this.rule = rule;
        this.limitMicros = Math.round(rule.section().path("limit").asDouble(0) * Quotas.MICROS_PER_USD);
        this.period = rule.section().path("period").asText("monthly");
        this.action = rule.section().path("action").asText("block");
        this.ledger = ledger;
        this.pricing = pricing;
        this.clock = clock;
    }

    @Override
    public PolicyRule rule() {
        return rule;
    }

    @Override
    public Admitted admit(RuleInput input) throws GatewayException {
        Instant now = clock.instant();
        String key = input.scopeKey(rule.scope());
        OptionalDouble estimate = pricing.costUsd(input.provider(), input.model(), new Usage(input.estimatedInputTokens(), input.maxOutputTokens(), 0));
        if (estimate.isEmpty()) {
            if (action.equals("block")) {
                throw GatewayException.policy("UNPRICED_MODEL", "Rule " + rule.id() + " cannot price the model '" + input.model()
                        + "' (not in the price catalogue), so it is refused.");
            }
            return warning("UNPRICED_MODEL", "model has no price; its spend is not counted");
        }
        UsageLedger.Limit limit = new UsageLedger.Limit("rule:" + rule.policy() + "/" + rule.id() + "|" + key + "|spend|" + Windows.key(period, now),
                limitMicros, Windows.end(period, now), "spend " + period + " (" + rule.id() + ")");
        long reserved = Quotas.micros(estimate);
        Optional<UsageLedger.Exceeded> exceeded = ledger.reserve(List.of(limit), List.of(reserved));
        if (exceeded.isPresent()) {
            String message = "Rule " + rule.id() + " limits spend to " + rule.section().path("limit").asDouble() + " USD " + period + " (" + key + ").";
            switch (action) {
                case "throttle" -> throw new LimitExceededException("COST_LIMIT_EXCEEDED", message, Duration.between(now, limit.windowEnd()),
                        RateLimitHeaders.of("usd", limitMicros / Quotas.MICROS_PER_USD, 0, Duration.between(now, limit.windowEnd()).toNanos()));
                case "alert" -> {
                    return warning("COST_LIMIT_EXCEEDED", message);
                }
                default -> throw GatewayException.policy("COST_LIMIT_EXCEEDED", message);
            }
        }
        UsageLedger.Reservation reservation = new UsageLedger.Reservation(List.of(limit), List.of(reserved));
        return new Admitted() {
            @Override
            public void settle(Outcome outcome) {
                ledger.settle(reservation, List.of(Quotas.micros(pricing.costUsd(outcome.provider(), outcome.model(), outcome.usage()))));
            }
        };
    }

    private Admitted warning(String reason, String message) {
        RuleDecision decision = new RuleDecision(rule.id(), rule.policy(), Decision.WARN, reason, message, rule.shadow(), Map.of());
        return new Admitted() {
            @Override
            public Optional<RuleDecision> decision() {
                return Optional.of(decision);
            }
        };
    }
}
