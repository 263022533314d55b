package io.policygateway.plugins.ratelimit;

import static java.util.Objects.requireNonNull;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.policygateway.api.guardrail.ChatText;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.Verdict;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per caller. Before the request: takes one request and the estimated input tokens;
 * when either bucket is empty the request is refused ({@link Verdict#rateLimited}: 429 with
 * {@code Retry-After}), or reported only, as configured. After a whole response: charges the output
 * tokens the model really produced, so the next request of a heavy caller waits. Thread-safe.
 */
final class RateLimitGuardrail implements Guardrail {
    static final String REASON = "RATE_LIMITED";
    private static final char SEPARATOR = '\u0000';

    private final RateLimitSettings settings;
    private final BucketTable table;

    RateLimitGuardrail(RateLimitSettings settings, BucketTable table) {
        this.settings = requireNonNull(settings, "settings is null");
        this.table = requireNonNull(table, "table is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) {
        CallerBuckets buckets = table.of(callerOf(request));
        Map<String, String> headers = new LinkedHashMap<>();
        if (buckets.requests().isPresent()) {
            ConsumptionProbe probe = buckets.requests().get().tryConsumeAndReturnRemaining(1);
            headers.putAll(headers("requests", settings.requestsPerMinute(), probe));
            if (!probe.isConsumed()) {
                return refuse(settings.requestsPerMinute() + " requests per minute", "requests", probe, headers);
            }
        }
        if (buckets.tokens().isPresent()) {
            long estimate = Math.min(TokenEstimate.ofText(ChatText.joinedRequestText(request.body())), settings.tokensPerMinute());
            ConsumptionProbe probe = buckets.tokens().get().tryConsumeAndReturnRemaining(estimate);
            headers.putAll(headers("tokens", settings.tokensPerMinute(), probe));
            if (!probe.isConsumed()) {
                buckets.requests().ifPresent(requests -> requests.addTokens(1));
                return refuse(settings.tokensPerMinute() + " tokens per minute", "tokens", probe, headers);
            }
        }
        return Verdict.allow();
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) {
        if (settings.tokensPerMinute() > 0) {
            long output = response.usage().outputTokens() > 0 ? response.usage().outputTokens()
                    : TokenEstimate.ofText(String.join("\n", ChatText.responseTexts(response.body()).stream().map(ChatText.Segment::text).toList()));
            Bucket tokens = table.of(callerOf(response.request())).tokens().orElseThrow();
            if (output > 0) {
                tokens.consumeIgnoringRateLimits(output);
            }
        }
        return Verdict.allow();
    }

    private Verdict refuse(String limit, String unit, ConsumptionProbe probe, Map<String, String> headers) {
        String scope = settings.keyBy().isEmpty() ? "shared by all callers" : "per " + settings.keyByNames();
        String message = "The limit of " + limit + " " + scope + " is reached; retry in " + seconds(probe.getNanosToWaitForRefill()) + " s.";
        Map<String, Object> details = Map.of("limit", unit, "key_by", settings.keyByNames());
        return switch (settings.action()) {
            case BLOCK -> Verdict.rateLimited(REASON, message, Duration.ofNanos(probe.getNanosToWaitForRefill()), headers)
                    .withDetails(details);
            case WARN -> Verdict.warn(REASON, message).withDetails(details);
            case LOG_ONLY -> Verdict.logOnly(REASON, message).withDetails(details);
        };
    }

    /** The caller's key: the configured dimensions' values, joined with a character no header or name contains. */
    private String callerOf(GuardrailRequest request) {
        StringBuilder caller = new StringBuilder();
        for (KeyPart part : settings.keyBy()) {
            caller.append(part.valueOf(request)).append(SEPARATOR);
        }
        return caller.toString();
    }

    /** {@code x-ratelimit-limit-*}, {@code -remaining-*}, {@code -reset-*}, as the kernel's own limits send them. */
    private static Map<String, String> headers(String unit, long limit, ConsumptionProbe probe) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ratelimit-limit-" + unit, Long.toString(limit));
        headers.put("x-ratelimit-remaining-" + unit, Long.toString(Math.max(0, probe.getRemainingTokens())));
        headers.put("x-ratelimit-reset-" + unit, seconds(probe.getNanosToWaitForRefill()) + "s");
        return headers;
    }

    private static long seconds(long nanos) {
        return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
