package io.policygateway.plugins.maxtoken;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The max-token guardrail: checks, before the request goes upstream, the number of messages, the
 * output tokens asked for and the input tokens, in that order (cheapest first). Input tokens are
 * counted exactly only when a cheap upper bound (UTF-8 bytes) exceeds the limit. Thread-safe.
 */
final class MaxTokenGuardrail implements Guardrail {
    static final String REASON = "MAX_TOKENS_EXCEEDED";

    private final MaxTokenSettings settings;
    private final TokenCounter counter;

    MaxTokenGuardrail(MaxTokenSettings settings, TokenCounter counter) {
        this.settings = requireNonNull(settings, "settings is null");
        this.counter = requireNonNull(counter, "counter is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) {
        ObjectNode body = request.body();
        JsonNode messages = body.path("messages");
        if (settings.maxMessages() > 0 && messages.size() > settings.maxMessages()) {
            return over("maxMessages", settings.maxMessages(), messages.size(), "messages", Optional.empty());
        }
        long requested = Math.max(body.path("max_tokens").asLong(0), body.path("max_completion_tokens").asLong(0));
        Optional<ObjectNode> clamped = Optional.empty();
        if (settings.maxOutputTokens() > 0 && (requested > settings.maxOutputTokens() || (requested == 0 && settings.clampOutput()))) {
            if (!settings.clampOutput()) {
                return over("maxOutputTokens", settings.maxOutputTokens(), requested, "output tokens requested", Optional.empty());
            }
            clamped = Optional.of(clamp(body));
        }
        if (settings.maxInputTokens() > 0) {
            TokenCounter.Method method = settings.counting().orElseGet(() -> TokenCounter.methodFor(request.model()));
            List<TokenCounter.Message> counted = messages(messages);
            if (TokenCounter.upperBound(counted, method) > settings.maxInputTokens()) {
                long tokens = counter.count(counted, method);
                if (tokens > settings.maxInputTokens()) {
                    return over("maxInputTokens", settings.maxInputTokens(), tokens, "input tokens (" + method.label() + ")",
                            Optional.of(method));
                }
            }
        }
        return clamped.map(body1 -> Verdict.rewrite(REASON, "max_tokens was lowered to the limit of "
                + settings.maxOutputTokens() + " (maxOutputTokens).", body1)
                .withDetails(Map.of("limit", "maxOutputTokens", "maximum", settings.maxOutputTokens(), "requested", requested)))
                .orElse(Verdict.allow());
    }

    private ObjectNode clamp(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        boolean set = false;
        for (String field : new String[] {"max_tokens", "max_completion_tokens"}) {
            if (copy.hasNonNull(field)) {
                copy.put(field, Math.min(copy.path(field).asLong(), settings.maxOutputTokens()));
                set = true;
            }
        }
        if (!set) {
            copy.put("max_completion_tokens", settings.maxOutputTokens());
        }
        return copy;
    }

    private Verdict over(String limit, long maximum, long actual, String what, Optional<TokenCounter.Method> method) {
        String message = "The request has " + actual + " " + what + "; the limit is " + maximum + " (" + limit + ").";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limit", limit);
        details.put("maximum", maximum);
        details.put("actual", actual);
        method.ifPresent(counting -> details.put("counting", counting.label()));
        Decision decision = switch (settings.action()) {
            case BLOCK -> Decision.BLOCK;
            case WARN -> Decision.WARN;
            case LOG_ONLY -> Decision.LOG_ONLY;
        };
        return new Verdict(decision, REASON, message, Optional.empty(), Optional.empty(), details);
    }

    /** Each message's role and texts: string content, text parts, tool call names and arguments. */
    private static List<TokenCounter.Message> messages(JsonNode messages) {
        List<TokenCounter.Message> out = new ArrayList<>(messages.size());
        for (JsonNode message : messages) {
            List<String> texts = new ArrayList<>(2);
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                texts.add(content.asText());
            } else if (content.isArray()) {
                for (JsonNode part : content) {
                    if (part.path("text").isTextual()) {
                        texts.add(part.path("text").asText());
                    }
                }
            }
            if (message.path("name").isTextual()) {
                texts.add(message.path("name").asText());
            }
            for (JsonNode call : message.path("tool_calls")) {
                texts.add(call.path("function").path("name").asText(""));
                texts.add(call.path("function").path("arguments").asText(""));
            }
            out.add(new TokenCounter.Message(message.path("role").asText(""), texts));
        }
        return out;
    }
}
