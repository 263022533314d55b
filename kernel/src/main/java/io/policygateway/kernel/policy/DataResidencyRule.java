package io.policygateway.kernel.policy;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * {@code kind: data-residency}: routing only considers targets in {@code allowedRegions} (a target
 * with no known region is not compliant when regions are restricted) and not run by
 * {@code deniedProviders}. A request with no compliant target left is blocked.
 */
final class DataResidencyRule implements RuleCheck {
    private final PolicyRule rule;
    private final List<String> allowedRegions;
    private final List<String> deniedProviders;

    DataResidencyRule(PolicyRule rule) {
        this.rule = rule;
        this.allowedRegions = AccessRule.strings(rule.section().path("allowedRegions"));
        this.deniedProviders = AccessRule.strings(rule.section().path("deniedProviders"));
    }

    @Override
    public PolicyRule rule() {
        return rule;
    }

    @Override
    public Admitted admit(RuleInput input) {
        BiPredicate<String, Optional<String>> compliant = (provider, region) -> !deniedProviders.contains(provider)
                && (allowedRegions.isEmpty() || region.filter(allowedRegions::contains).isPresent());
        return new Admitted() {
            @Override
            public Optional<BiPredicate<String, Optional<String>>> compliance() {
                return Optional.of(compliant);
            }
        };
    }
}
