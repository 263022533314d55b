package io.policygateway.plugins.moderation;

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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Speaks OpenAI's moderation wire format: {@code POST <base>/moderations} with
 * {@code {"model", "input": [texts]}}, answered by {@code {"results": [{"flagged", "categories",
 * "category_scores"}]}}, one result per input in order. Thread-safe.
 */
final class ModerationClient {
    private final UpstreamClient http;
    private final ObjectMapper json;
    private final URI endpoint;
    private final Optional<String> apiKey;
    private final String model;
    private final Duration timeout;

    ModerationClient(UpstreamClient http, ObjectMapper json, URI endpoint, Optional<String> apiKey, String model,
            Duration timeout) {
        this.http = requireNonNull(http, "http is null");
        this.json = requireNonNull(json, "json is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.apiKey = requireNonNull(apiKey, "apiKey is null");
        this.model = requireNonNull(model, "model is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** One result per input, in order. */
    List<ModerationResult> moderate(List<String> inputs) throws ModerationUnavailableException {
        ObjectNode body = json.createObjectNode().put("model", model);
        inputs.forEach(body.putArray("input")::add);
        Map<String, String> headers = new LinkedHashMap<>();
        apiKey.ifPresent(key -> headers.put("authorization", "Bearer " + key));
        byte[] answer;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (UpstreamResponse response = http.send(UpstreamRequest.postJson(endpoint, headers, json.writeValueAsBytes(body))
                .withTimeouts(timeout, timeout))) {
            if (response.status() / 100 != 2) {
                throw new ModerationUnavailableException("status", "the moderation endpoint answered HTTP " + response.status());
            }
            answer = response.readAll();
        } catch (GatewayException e) {
            boolean slow = e.category() == ErrorCategory.UPSTREAM_TIMEOUT || System.nanoTime() >= deadline;
            throw new ModerationUnavailableException(slow ? "timeout" : "unreachable", slow
                    ? "the moderation endpoint did not answer within " + timeout.toMillis() + " ms"
                    : "the moderation endpoint could not be reached");
        } catch (IOException e) {
            throw new ModerationUnavailableException("unreachable", "the moderation request could not be written");
        }
        return parse(answer, inputs.size());
    }

    private List<ModerationResult> parse(byte[] answer, int expected) throws ModerationUnavailableException {
        JsonNode results;
        try {
            results = json.readTree(answer).path("results");
        } catch (IOException e) {
            throw new ModerationUnavailableException("invalid_response", "the moderation endpoint's answer is not JSON");
        }
        if (!results.isArray() || results.size() != expected) {
            throw new ModerationUnavailableException("invalid_response", "the moderation endpoint's answer has "
                    + (results.isArray() ? results.size() : 0) + " results for " + expected + " inputs");
        }
        List<ModerationResult> parsed = new ArrayList<>();
        for (JsonNode result : results) {
            if (!result.path("flagged").isBoolean()) {
                throw new ModerationUnavailableException("invalid_response", "a moderation result has no 'flagged' field");
            }
            Map<String, Boolean> categories = new HashMap<>();
            for (Map.Entry<String, JsonNode> field : result.path("categories").properties()) {
                categories.put(field.getKey(), field.getValue().asBoolean(false));
            }
            Map<String, Double> scores = new HashMap<>();
            for (Map.Entry<String, JsonNode> field : result.path("category_scores").properties()) {
                if (field.getValue().isNumber()) {
                    scores.put(field.getKey(), field.getValue().asDouble());
                }
            }
            parsed.add(new ModerationResult(result.path("flagged").asBoolean(), categories, scores));
        }
        return parsed;
    }
}
