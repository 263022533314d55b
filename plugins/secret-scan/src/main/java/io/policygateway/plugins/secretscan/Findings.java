package io.policygateway.plugins.secretscan;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** How many credentials of each type one hook call found. Counts only: never the values. */
final class Findings {
    private final EnumMap<SecretType, Integer> counts = new EnumMap<>(SecretType.class);

    void add(SecretType type) {
        counts.merge(type, 1, Integer::sum);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Verdict details: one entry per type found ({@code "github_token": 1}) and the total. */
    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        counts.forEach((type, count) -> details.put(type.id(), count));
        details.put("total", total());
        return details;
    }

    /** A short summary for messages, e.g. {@code 1 github_token, 2 generic_secret}. */
    String summary() {
        StringJoiner joiner = new StringJoiner(", ");
        counts.forEach((type, count) -> joiner.add(count + " " + type.id()));
        return joiner.toString();
    }
}
