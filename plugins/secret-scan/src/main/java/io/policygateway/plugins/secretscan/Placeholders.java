package io.policygateway.plugins.secretscan;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The placeholders of one request or answer: {@code [GITHUB_TOKEN_1]}, {@code [SECRET_1]}, ... The
 * same value gets the same placeholder each time it occurs. Not thread-safe; one per hook call or
 * stream. The values are never kept beyond it.
 */
final class Placeholders {
    private final Map<String, String> placeholderByValue = new HashMap<>();
    private final Map<SecretType, Integer> issued = new EnumMap<>(SecretType.class);

    String placeholderFor(SecretType type, String value) {
        return placeholderByValue.computeIfAbsent(type.label() + '\u0000' + value,
                key -> "[" + type.label() + "_" + issued.merge(type, 1, Integer::sum) + "]");
    }
}
