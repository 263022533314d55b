package io.policygateway.plugins.schemaguard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON document in a model's answer: the first fenced code block ({@code ```json} or a
 * bare {@code ```}) if there is one, else the whole answer, else the span from the first
 * {@code {} or {@code [} to the last matching bracket ("Here is the result: {...}"). Thread-safe.
 */
final class JsonExtractor {
    private static final Pattern FENCE = Pattern.compile("```[ \\t]*(?:json|JSON|jsonc|javascript|js)?[ \\t]*\\r?\\n([\\s\\S]*?)```");

    private final ObjectMapper json;

    JsonExtractor(ObjectMapper json) {
        this.json = requireNonNull(json, "json is null");
    }

    /** The parsed document, or empty when the answer holds no JSON. */
    Optional<JsonNode> extract(String answer) {
        Matcher fence = FENCE.matcher(answer);
        if (fence.find()) {
            return parse(fence.group(1));
        }
        Optional<JsonNode> whole = parse(answer);
        if (whole.isPresent()) {
            return whole;
        }
        int objectStart = answer.indexOf('{');
        int arrayStart = answer.indexOf('[');
        int start = objectStart < 0 ? arrayStart : arrayStart < 0 ? objectStart : Math.min(objectStart, arrayStart);
        if (start < 0) {
            return Optional.empty();
        }
        int end = answer.lastIndexOf(answer.charAt(start) == '{' ? '}' : ']');
        return end > start ? parse(answer.substring(start, end + 1)) : Optional.empty();
    }

    private Optional<JsonNode> parse(String candidate) {
        String trimmed = candidate.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(trimmed));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
