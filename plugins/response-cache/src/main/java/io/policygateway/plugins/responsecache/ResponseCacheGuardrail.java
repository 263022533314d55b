package io.policygateway.plugins.responsecache;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a request from the cache when an identical one (same {@link CacheKey}) was answered
 * within the TTL, and stores whole successful answers. Before the request: a hit returns
 * {@link Verdict#respond}, which the kernel sends (or replays as a stream) without calling
 * upstream, with {@code x-gateway-cache: hit}. After a whole response: stores it when every
 * choice finished with {@code stop} or {@code length} and it fits {@code max_entry_bytes}.
 *
 * <p>The caller can opt out per request with {@code Cache-Control: no-cache} (do not answer from
 * the cache, but store the fresh answer) or {@code no-store} (neither). Thread-safe.
 */
final class ResponseCacheGuardrail implements Guardrail {
    static final String HIT = "CACHE_HIT";
    private static final Set<String> COMPLETE = Set.of("stop", "length");
    /** The temperature OpenAI uses when a request sets none. */
    private static final double DEFAULT_TEMPERATURE = 1.0;

    private final ResponseCacheSettings settings;
    private final ResponseStore store;
    private final ObjectMapper json;
    private final CacheMetrics metrics;

    ResponseCacheGuardrail(ResponseCacheSettings settings, ResponseStore store, ObjectMapper json, CacheMetrics metrics) {
        this.settings = requireNonNull(settings, "settings is null");
        this.store = requireNonNull(store, "store is null");
        this.json = requireNonNull(json, "json is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) {
        CacheControl control = CacheControl.of(request);
        if (!cacheable(request) || control.noStore() || control.noCache()) {
            metrics.bypass();
            return Verdict.allow();
        }
        Optional<ResponseStore.Stored> stored = store.get(CacheKey.of(request));
        if (stored.isEmpty()) {
            metrics.miss();
            return Verdict.allow();
        }
        metrics.hit();
        Map<String, Object> details = Map.of("age_seconds", stored.get().age().toSeconds());
        if (settings.logOnly()) {
            return Verdict.logOnly(HIT, "an identical request was answered " + stored.get().age().toSeconds()
                    + " s ago; log-only, so it goes upstream").withDetails(details);
        }
        return Verdict.respond(HIT, parse(stored.get().completion())).withDetails(details);
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) {
        GuardrailRequest request = response.request();
        if (!cacheable(request) || CacheControl.of(request).noStore() || !complete(response.body())) {
            return Verdict.allow();
        }
        byte[] serialised;
        try {
            serialised = json.writeValueAsBytes(response.body());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (serialised.length <= settings.maxEntryBytes()) {
            store.put(CacheKey.of(request), serialised);
            metrics.store();
        }
        return Verdict.allow();
    }

    /** Forgets every answer, so the entry gauge falls back (the kernel calls it when the gateway stops). */
    @Override
    public void close() {
        store.clear();
    }

    /** Whether the request may be answered from or stored in the cache at all. */
    private boolean cacheable(GuardrailRequest request) {
        if (settings.maxTemperature().isEmpty()) {
            return true;
        }
        JsonNode temperature = request.body().path("temperature");
        double value = temperature.isNumber() ? temperature.asDouble() : DEFAULT_TEMPERATURE;
        return value <= settings.maxTemperature().getAsDouble();
    }

    /** A successful answer: at least one choice, and every choice finished normally. */
    private static boolean complete(ObjectNode completion) {
        JsonNode choices = completion.path("choices");
        if (!choices.isArray() || choices.isEmpty() || completion.has("error")) {
            return false;
        }
        for (JsonNode choice : choices) {
            if (!COMPLETE.contains(choice.path("finish_reason").asText(""))) {
                return false;
            }
        }
        return true;
    }

    private ObjectNode parse(byte[] completion) {
        try {
            return (ObjectNode) json.readTree(completion);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored answer no longer parses", e);
        }
    }
}
