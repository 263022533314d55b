package io.policygateway.plugins.schemaguard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.guardrail.ChatText;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the JSON in each answer choice against the schema after the response. An invalid answer
 * gets the action's verdict with reason {@code SCHEMA_INVALID} and the first errors in the
 * details. With {@code on_failure: retry} the details also carry {@code retry: true} and a
 * {@code retry_message}: the gateway may then ask the model once more (see the README for the
 * contract); a gateway that does not retry simply applies the verdict. Answers that are only tool
 * calls are not checked. Thread-safe.
 */
final class SchemaGuardGuardrail implements Guardrail {
    static final String REASON = "SCHEMA_INVALID";
    private static final int MAX_SCHEMA_IN_MESSAGE = 2000;

    private final SchemaGuardConfig config;
    private final JsonExtractor extractor;
    private final String schemaText;

    SchemaGuardGuardrail(SchemaGuardConfig config, JsonExtractor extractor, String schemaText) {
        this.config = requireNonNull(config, "config is null");
        this.extractor = requireNonNull(extractor, "extractor is null");
        this.schemaText = requireNonNull(schemaText, "schemaText is null");
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) {
        Map<String, StringBuilder> answers = new LinkedHashMap<>();
        for (ChatText.Segment segment : ChatText.responseTexts(response.body())) {
            int content = segment.path().indexOf(".content");
            if (content >= 0) {
                answers.computeIfAbsent(segment.path().substring(0, content + ".content".length()), key -> new StringBuilder())
                        .append(segment.text());
            }
        }
        for (Map.Entry<String, StringBuilder> answer : answers.entrySet()) {
            Optional<Verdict> verdict = check(answer.getValue().toString(), answer.getKey());
            if (verdict.isPresent()) {
                return verdict.get();
            }
        }
        return Verdict.allow();
    }

    @Override
    public StreamGuard openStream(GuardrailRequest request) {
        return new StreamGuard() {
            private final StringBuilder answer = new StringBuilder();

            @Override
            public Step onText(String text) {
                answer.append(text);
                return new Step(config.bufferStreams() ? "" : text, Optional.empty());
            }

            @Override
            public Step finish() {
                return new Step(config.bufferStreams() ? answer.toString() : "", check(answer.toString(), "stream"));
            }
        };
    }

    /** The verdict for one answer text, or empty when it is valid. */
    private Optional<Verdict> check(String answer, String where) {
        Optional<JsonNode> document = extractor.extract(answer);
        List<String> errors;
        if (document.isEmpty()) {
            if (!config.requireJson()) {
                return Optional.empty();
            }
            errors = List.of("/: the answer contains no JSON document");
        } else {
            errors = config.schema().errors(document.get());
            if (errors.isEmpty()) {
                return Optional.empty();
            }
        }
        List<String> reported = errors.subList(0, Math.min(errors.size(), config.maxErrors()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("errors", List.copyOf(reported));
        details.put("error_count", errors.size());
        details.put("message", where);
        if (config.onFailure() == SchemaGuardConfig.OnFailure.RETRY) {
            details.put("retry", true);
            details.put("retry_message", retryMessage(reported));
        }
        return Optional.of(config.action().verdict(REASON, "The model's answer does not match the required JSON Schema: "
                + reported.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "") + ".", details));
    }

    private String retryMessage(List<String> errors) {
        StringBuilder message = new StringBuilder("Your previous answer did not match the required JSON Schema. Errors:\n");
        errors.forEach(error -> message.append("- ").append(error).append('\n'));
        message.append("Answer again with only a JSON document that matches the schema");
        if (schemaText.length() <= MAX_SCHEMA_IN_MESSAGE) {
            message.append(":\n").append(schemaText);
        } else {
            message.append('.');
        }
        return message.toString();
    }
}
