package io.policygateway.kernel.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ConfigException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code kind: audit}: writes the request and/or response bodies of matching requests to the
 * audit sink (a folder of daily {@code audit-YYYY-MM-DD.jsonl} files; bodies never go to stdout).
 * {@code retentionDays} is enforced by {@link AuditSink}'s background job.
 */
final class AuditRule implements RuleCheck {
    private final PolicyRule rule;
    private final boolean requestBody;
    private final boolean responseBody;
    private final AuditSink sink;
    private final ObjectMapper json;
    private final Clock clock;

    AuditRule(PolicyRule rule, AuditSink sink, ObjectMapper json, Clock clock) {
        this.rule = rule;
        this.requestBody = rule.section().path("logRequestBody").asBoolean(false);
        this.responseBody = rule.section().path("logResponseBody").asBoolean(false);
        this.sink = sink;
        this.json = json;
        this.clock = clock;
    }

    /** The sink folder a rule names: a path (relative to the gateway's logs folder) or {@code file://…}. */
    static String folder(PolicyRule rule, String source, String path) {
        String sink = rule.section().path("sink").asText("audit");
        if (sink.startsWith("file://")) {
            return sink.substring("file://".length());
        }
        if (sink.contains("://")) {
            throw new ConfigException(source, path + ".audit.sink", "only file sinks are supported (a folder, or file:///path); got '" + sink + "'");
        }
        return sink;
    }

    @Override
    public PolicyRule rule() {
        return rule;
    }

    @Override
    public Admitted admit(RuleInput input) {
        return new Admitted() {
            @Override
            public void settle(Outcome outcome) {
                ObjectNode record = json.createObjectNode();
                record.put("time", clock.instant().toString());
                record.put("rule", rule.id());
                record.put("policy_id", rule.policy());
                record.put("trace_id", input.context().traceId());
                input.context().project().ifPresent(project -> record.put("policy_project_id", project));
                input.context().user().ifPresent(user -> record.put("policy_user", user));
                input.context().target().ifPresent(target -> record.put("policy_target", target));
                record.put("provider", outcome.provider());
                record.put("model", outcome.model());
                record.put("status", outcome.status());
                record.put("input_tokens", outcome.usage().inputTokens());
                record.put("output_tokens", outcome.usage().outputTokens());
                if (requestBody) {
                    outcome.request().ifPresent(body -> record.set("request", body));
                }
                if (responseBody) {
                    Optional<ObjectNode> response = outcome.response();
                    if (response.isPresent()) {
                        record.set("response", response.get());
                    } else if (!outcome.streamedText().isEmpty()) {
                        record.put("response_text", outcome.streamedText());
                    }
                }
                sink.append(LocalDate.now(clock.withZone(ZoneOffset.UTC)), record.toString());
            }
        };
    }
}
