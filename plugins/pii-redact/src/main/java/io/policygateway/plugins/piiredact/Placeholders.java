package io.policygateway.plugins.piiredact;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of one request: {@code [EMAIL_1]}, {@code [EMAIL_2]}, {@code [PHONE_1]}, ... The
 * same value gets the same placeholder every time it occurs in the request (emails compared
 * without case), so the model can still tell two people apart. Not thread-safe: one per request
 * or stream. Lives only in memory.
 */
final class Placeholders {
    /** A placeholder as it appears in text, for restoring originals in reversible mode. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\[(?:EMAIL|PHONE|SSN|CREDIT_CARD|IBAN|IP_ADDRESS|NAME|ADDRESS)_\\d{1,6}\\]");

    private final Map<String, String> placeholderByValue = new HashMap<>();
    private final Map<String, String> originalByPlaceholder = new HashMap<>();
    private final Map<PiiType, Integer> issued = new EnumMap<>(PiiType.class);

    /** The placeholder for {@code value}, issuing the next number of its type the first time. */
    String placeholderFor(PiiType type, String value) {
        String key = type.label() + '\u0000' + (type == PiiType.EMAIL ? value.toLowerCase(Locale.ROOT) : value);
        String existing = placeholderByValue.get(key);
        if (existing != null) {
            return existing;
        }
        int number = issued.merge(type, 1, Integer::sum);
        String placeholder = "[" + type.label() + "_" + number + "]";
        placeholderByValue.put(key, placeholder);
        originalByPlaceholder.put(placeholder, value);
        return placeholder;
    }

    /** The value a placeholder stands for, if this request issued it. */
    Optional<String> original(String placeholder) {
        return Optional.ofNullable(originalByPlaceholder.get(placeholder));
    }

    boolean isEmpty() {
        return originalByPlaceholder.isEmpty();
    }

    /** {@code text} with every placeholder this request issued replaced by its original value. */
    String restore(String text) {
        if (originalByPlaceholder.isEmpty() || text.indexOf('[') < 0) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        while (matcher.find()) {
            String original = originalByPlaceholder.get(matcher.group());
            if (original != null) {
                out.append(text, position, matcher.start()).append(original);
                position = matcher.end();
            }
        }
        return out.append(text, position, text.length()).toString();
    }

    /** How many placeholders in {@code text} this request issued. */
    int countRestorable(String text) {
        if (originalByPlaceholder.isEmpty() || text.indexOf('[') < 0) {
            return 0;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        int count = 0;
        while (matcher.find()) {
            if (originalByPlaceholder.containsKey(matcher.group())) {
                count++;
            }
        }
        return count;
    }
}
