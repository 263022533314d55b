package io.policygateway.plugins.jspolicy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.guardrail.Decision;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a hook's return value (as the sandbox serialised it) into a {@link ScriptDecision}, strictly:
 * anything that is not a decision object with known keys and valid values is an
 * {@link InvalidResultException}, which the guardrail treats like a script error. Messages name the
 * offending key but never echo values, which may hold request text.
 */
final class DecisionReader {
    static final int MAX_MESSAGE_LENGTH = 2_000;
    static final int MAX_DETAILS = 20;

    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Set<String> KEYS = Set.of("action", "reason_code", "message", "request", "response", "text",
            "details");
    private static final Map<String, Decision> ACTIONS = Map.of(
            "allow", Decision.ALLOW,
            "rewrite", Decision.REWRITE,
            "warn", Decision.WARN,
            "block", Decision.BLOCK,
            "log-only", Decision.LOG_ONLY);

    private final ObjectMapper json;

    DecisionReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param value {@code {"result": ...}} as returned by the sandbox driver
     * @param payloadKey the key a rewrite must carry in this hook: {@code request}, {@code response} or {@code text}
     */
    ScriptDecision read(String value, String payloadKey) throws InvalidResultException {
        JsonNode result;
        try {
            result = json.readTree(value).get("result");
        } catch (JsonProcessingException e) {
            throw new InvalidResultException("the hook's return value could not be read");
        }
        if (result == null) {
            throw new InvalidResultException("the hook returned a value JSON cannot represent (a function or symbol)");
        }
        if (result.isNull()) {
            return ScriptDecision.NOTHING;
        }
        if (!result.isObject()) {
            throw new InvalidResultException("the hook must return an object such as { action: \"allow\" }, not "
                    + kind(result));
        }
        checkKeys(result);
        Decision action = action(result.get("action"));
        Optional<String> reasonCode = reasonCode(result.get("reason_code"));
        String message = message(result.get("message"));
        for (String key : List.of("request", "response", "text")) {
            boolean present = result.hasNonNull(key);
            if (present && (action != Decision.REWRITE || !key.equals(payloadKey))) {
                throw new InvalidResultException("'" + key + "' is only allowed with action \"rewrite\" in "
                        + hookFor(key));
            }
        }
        if (action == Decision.REWRITE && !result.hasNonNull(payloadKey)) {
            throw new InvalidResultException("action \"rewrite\" needs '" + payloadKey + "'");
        }
        Optional<String> text = Optional.empty();
        if (result.hasNonNull("text")) {
            if (!result.get("text").isTextual()) {
                throw new InvalidResultException("'text' must be a string");
            }
            text = Optional.of(result.get("text").asText());
        }
        return new ScriptDecision(action, reasonCode, message, Optional.ofNullable(result.get("request")),
                Optional.ofNullable(result.get("response")), text, details(result.get("details")));
    }

    private static void checkKeys(JsonNode result) throws InvalidResultException {
        Iterator<String> names = result.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new InvalidResultException("unknown key '" + safe(name)
                        + "' (known: action, reason_code, message, request, response, text, details)");
            }
        }
    }

    private static Decision action(JsonNode node) throws InvalidResultException {
        if (node == null || !node.isTextual() || !ACTIONS.containsKey(node.asText())) {
            throw new InvalidResultException("'action' must be one of \"allow\", \"rewrite\", \"warn\", \"block\","
                    + " \"log-only\"");
        }
        return ACTIONS.get(node.asText());
    }

    private static Optional<String> reasonCode(JsonNode node) throws InvalidResultException {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || !REASON_CODE.matcher(node.asText()).matches()) {
            throw new InvalidResultException("'reason_code' must be 1 to 64 characters of A-Z, 0-9 and _,"
                    + " starting with a letter, such as COMPETITOR_MENTION");
        }
        return Optional.of(node.asText());
    }

    private static String message(JsonNode node) throws InvalidResultException {
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new InvalidResultException("'message' must be a string");
        }
        String message = node.asText();
        return message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) : message;
    }

    private static Map<String, Object> details(JsonNode node) throws InvalidResultException {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject() || node.size() > MAX_DETAILS) {
            throw new InvalidResultException("'details' must be an object with at most " + MAX_DETAILS + " entries");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            details.put(field.getKey(), detailValue(field.getKey(), field.getValue()));
        }
        return details;
    }

    private static Object detailValue(String key, JsonNode value) throws InvalidResultException {
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : value) {
                items.add(scalar(key, item));
            }
            return List.copyOf(items);
        }
        return scalar(key, value);
    }

    private static Object scalar(String key, JsonNode value) throws InvalidResultException {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        throw new InvalidResultException("details." + safe(key)
                + " must be a string, number, boolean or a list of those");
    }

    private static String hookFor(String key) {
        return switch (key) {
            case "request" -> "onRequest";
            case "response" -> "onResponse";
            default -> "onStreamChunk";
        };
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return node.isBoolean() ? "a boolean" : "this value";
    }

    private static String safe(String name) {
        return name.length() <= 40 && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')
                ? name : "(unprintable)";
    }
}
