package io.policygateway.plugins.customwebhook;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.http.UpstreamClient;
import io.policygateway.api.http.UpstreamRequest;
import io.policygateway.api.http.UpstreamResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Posts a signed JSON body to the configured webhook and reads its answer. The signature header is
 * {@code X-Policy-Gateway-Signature: sha256=<hex>} over the exact body bytes; the hook name is in
 * {@code X-Policy-Gateway-Event}. Thread-safe.
 */
final class WebhookClient {
    private final UpstreamClient http;
    private final ObjectMapper json;
    private final WebhookConfig config;

    WebhookClient(UpstreamClient http, ObjectMapper json, WebhookConfig config) {
        this.http = requireNonNull(http, "http is null");
        this.json = requireNonNull(json, "json is null");
        this.config = requireNonNull(config, "config is null");
    }

    WebhookAnswer call(ObjectNode payload, String hook, String replacementField) throws WebhookUnavailableException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new WebhookUnavailableException("unreachable", "the webhook body could not be written");
        }
        Map<String, String> headers = Map.of(WebhookSignature.HEADER.toLowerCase(java.util.Locale.ROOT),
                WebhookSignature.sign(config.secret(), body), "x-policy-gateway-event", hook);
        long deadline = System.nanoTime() + config.timeout().toNanos();
        byte[] answer;
        try (UpstreamResponse response = http.send(UpstreamRequest.postJson(config.url(), headers, body)
                .withTimeouts(config.timeout(), config.timeout()))) {
            if (response.status() / 100 != 2) {
                throw new WebhookUnavailableException("status", "the webhook answered HTTP " + response.status());
            }
            answer = response.readAll();
        } catch (GatewayException e) {
            boolean slow = e.category() == ErrorCategory.UPSTREAM_TIMEOUT || System.nanoTime() >= deadline;
            throw new WebhookUnavailableException(slow ? "timeout" : "unreachable", slow
                    ? "the webhook did not answer within " + config.timeout().toMillis() + " ms"
                    : "the webhook could not be reached");
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(answer);
        } catch (IOException e) {
            throw new WebhookUnavailableException("invalid_response", "the webhook's answer is not JSON");
        }
        return WebhookAnswer.parse(parsed, replacementField);
    }
}
