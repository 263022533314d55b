package io.policygateway.kernel.policy;

import java.util.List;

/**
 * One entry of {@code projects:}.
 *
 * @param id the project id ({@code X-Policy-Project}, {@code policy_project_id})
 * @param policy the linked policy, evaluated when the request names none
 * @param allowedPolicies further policies a request may name with {@code policy_id}
 * @param roles roles every caller of this project has
 * @param quotas request and token quotas for the project and per user
 * @param budget spend limit for the project and per user
 */
public record ProjectConfig(String id, String policy, List<String> allowedPolicies, List<String> roles, QuotaConfig quotas,
        BudgetConfig budget) {
    public ProjectConfig {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        allowedPolicies = allowedPolicies == null ? List.of() : List.copyOf(allowedPolicies);
        roles = roles == null ? List.of() : List.copyOf(roles);
        quotas = quotas == null ? QuotaConfig.NONE : quotas;
    }

    /** Whether a request of this project may be evaluated under {@code policyId}. */
    public boolean allows(String policyId) {
        return policyId.equals(policy) || allowedPolicies.contains(policyId);
    }
}
