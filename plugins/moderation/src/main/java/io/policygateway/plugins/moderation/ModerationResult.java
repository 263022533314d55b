package io.policygateway.plugins.moderation;

import java.util.Map;

/**
 * The endpoint's answer for one input.
 *
 * @param flagged the endpoint's overall verdict
 * @param categories category name to whether it applies
 * @param scores category name to its score (0..1)
 */
record ModerationResult(boolean flagged, Map<String, Boolean> categories, Map<String, Double> scores) {
    ModerationResult {
        categories = Map.copyOf(categories);
        scores = Map.copyOf(scores);
    }
}
