package io.policygateway.plugins.regexguard;

import java.util.LinkedHashMap;
import java.util.Map;

/** Matches per pattern name and the most severe action among them. Counts only, never the text. */
final class RegexFindings {
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private RegexAction strongest = RegexAction.ALLOW;

    void add(RegexMatch match) {
        counts.merge(match.rule().name(), 1, Integer::sum);
        if (match.rule().action().ordinal() < strongest.ordinal()) {
            strongest = match.rule().action();
        }
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The action that decides the verdict: the most severe of the patterns that matched. */
    RegexAction strongest() {
        return strongest;
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One entry per pattern that matched ({@code "internal-host": 2}) and the total. */
    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>(counts);
        details.put("total", total());
        return details;
    }

    /** e.g. {@code internal-host (2), ticket-id (1)} */
    String summary() {
        StringBuilder out = new StringBuilder();
        counts.forEach((name, count) -> out.append(out.isEmpty() ? "" : ", ").append(name).append(" (").append(count).append(')'));
        return out.toString();
    }
}
