package io.policygateway.plugins.customwebhook;

import io.policygateway.api.guardrail.SentenceWindow;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Lets the configured webhook decide. Before the request it POSTs the request; after, the response
 * (for streams: the whole text at the end, in buffer mode); the answer becomes the verdict, capped
 * by {@code action}. When the webhook is unavailable: fail-open records a {@code log-only}
 * decision {@code WEBHOOK_UNAVAILABLE}; fail-closed (the default) throws, which the gateway answers
 * with 503 {@code GUARDRAIL_UNAVAILABLE}. Thread-safe.
 */
final class WebhookGuardrail implements Guardrail {
    static final String UNAVAILABLE = "WEBHOOK_UNAVAILABLE";

    private final WebhookConfig config;
    private final WebhookClient client;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookGuardrail(WebhookConfig config, WebhookClient client, ObjectMapper json, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.client = requireNonNull(client, "client is null");
        this.json = requireNonNull(json, "json is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) throws GatewayException {
        ObjectNode payload = payload("before_request", request);
        payload.set("request", request.body());
        return decide(payload, "before_request", "messages");
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) throws GatewayException {
        return decide(afterPayload(response.request(), response.body()).put("provider", response.provider()), "after_request",
                "choices");
    }

    @Override
    public StreamGuard openStream(GuardrailRequest request) {
        return new SentenceWindow(config.stream(), text -> {
            ObjectNode completion = json.createObjectNode().put("object", "chat.completion").put("model", request.model());
            completion.putArray("choices").addObject().put("index", 0).putObject("message").put("role", "assistant")
                    .put("content", text);
            try {
                return Optional.of(decide(afterPayload(request, completion).put("streamed", true), "after_request", "choices"));
            } catch (GatewayException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private ObjectNode afterPayload(GuardrailRequest request, ObjectNode completion) {
        ObjectNode payload = payload("after_request", request);
        payload.set("request", request.body());
        payload.set("response", completion);
        return payload;
    }

    private ObjectNode payload(String hook, GuardrailRequest request) {
        PolicyContext context = request.context();
        ObjectNode payload = json.createObjectNode().put("hook", hook).put("sent_at", clock.instant().toString())
                .put("trace_id", context.traceId()).put("surface", context.surface()).put("route", context.route())
                .put("model", request.model());
        context.project().ifPresent(project -> payload.put("project", project));
        context.user().ifPresent(user -> payload.put("user", user));
        context.policyId().ifPresent(policy -> payload.put("policy_id", policy));
        config.categories().forEach(payload.putArray("categories")::add);
        return payload;
    }

    private Verdict decide(ObjectNode payload, String hook, String replacementField) throws GatewayException {
        WebhookAnswer answer;
        try {
            answer = client.call(payload, hook, replacementField);
        } catch (WebhookUnavailableException e) {
            if (config.failOpen()) {
                return new Verdict(Decision.LOG_ONLY, UNAVAILABLE, "The webhook was unavailable (" + e.getMessage()
                        + "); let through (fail-open).", Optional.empty(), Optional.empty(),
                        Map.of("error", e.kind(), "fail_open", true));
            }
            throw new GatewayException(e.kind().equals("timeout") ? ErrorCategory.UPSTREAM_TIMEOUT : ErrorCategory.UNAVAILABLE,
                    "The webhook was unavailable (" + e.getMessage() + ") and fails closed.", UNAVAILABLE, null, 0, null, null);
        }
        Decision applied = config.action().cap(answer.decision());
        if (applied == Decision.ALLOW) {
            return Verdict.allow();
        }
        Map<String, Object> details = Map.of("webhook_decision", answer.decision().wireName());
        return new Verdict(applied, answer.reasonCode(), answer.message(),
                applied == Decision.REWRITE ? answer.replacement() : Optional.empty(), Optional.empty(), details);
    }
}
