package io.policygateway.plugins.piiredact;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** How much personal data of each type one hook call found. Counts only: never the values. */
final class Findings {
    private final EnumMap<PiiType, Integer> counts = new EnumMap<>(PiiType.class);

    void add(PiiType type) {
        counts.merge(type, 1, Integer::sum);
    }

    int total() {
        int total = 0;
        for (int count : counts.values()) {
            total += count;
        }
        return total;
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Verdict details: one entry per type found ({@code "email": 2}) and the total. */
    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        counts.forEach((type, count) -> details.put(type.id(), count));
        details.put("total", total());
        return details;
    }

    /** A short summary for messages, e.g. {@code 2 email, 1 phone}. */
    String summary() {
        StringJoiner joiner = new StringJoiner(", ");
        counts.forEach((type, count) -> joiner.add(count + " " + type.id()));
        return joiner.toString();
    }
}
