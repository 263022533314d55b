package io.policygateway.plugins.requestlogger;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Records one row per request: a whole answer after the response-side guardrails before it
 * ({@code after_request}), a streamed answer when it finished ({@code stream_chunk}), or a failure
 * ({@code on_error}). Never changes or refuses anything and never blocks the request: rows are
 * handed to a {@link RecordWriter}. Bodies, with {@code log_bodies}, are the request as it went
 * upstream and the answer as this guardrail saw it, with credentials masked; the bodies of requests
 * refused before they went upstream are never stored. Thread-safe.
 */
final class RequestLoggerGuardrail implements Guardrail {
    static final String OK = "ok";

    private final RequestLoggerSettings settings;
    private final RecordWriter writer;
    private final ObjectMapper json;
    private final Clock clock;

    RequestLoggerGuardrail(RequestLoggerSettings settings, RecordWriter writer, ObjectMapper json, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.json = requireNonNull(json, "json is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) {
        PolicyContext context = response.request().context();
        writer.offer(new RequestRecord(clock.instant(), context.traceId(), context.project(), context.user(), context.target(),
                context.keyName(), Optional.of(response.model()), Optional.of(response.provider()), 200, OK, false,
                OptionalLong.of(response.usage().inputTokens()), OptionalLong.of(response.usage().outputTokens()),
                OptionalLong.of(response.upstreamMillis()), body(response.request().body()), body(response.body()), Optional.empty()));
        return Verdict.allow();
    }

    @Override
    public StreamGuard openStream(GuardrailRequest request) {
        return new StreamRecorder(settings.logBodies() ? settings.maxBodyChars() : 0, text -> writer.offer(streamed(request, text)));
    }

    @Override
    public void onError(GuardrailRequest request, GatewayException error) {
        PolicyContext context = request.context();
        Optional<String> requestBody = wentUpstream(error) ? body(request.body()) : Optional.empty();
        writer.offer(new RequestRecord(clock.instant(), context.traceId(), context.project(), context.user(), context.target(),
                context.keyName(), Optional.of(request.model()).filter(model -> !model.isEmpty()), Optional.empty(), error.status(),
                error.code().orElse(error.category().type()), request.body().path("stream").asBoolean(false), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), requestBody, Optional.empty(),
                Optional.of(cut(CredentialMasker.mask(error.getMessage())))));
    }

    /** Writes what is queued, then stops the writer thread (the kernel calls it when the gateway stops). */
    @Override
    public void close() {
        writer.close();
    }

    private RequestRecord streamed(GuardrailRequest request, String text) {
        PolicyContext context = request.context();
        return new RequestRecord(clock.instant(), context.traceId(), context.project(), context.user(), context.target(),
                context.keyName(), Optional.of(request.model()), Optional.empty(), 200, OK, true, OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), body(request.body()),
                settings.logBodies() ? Optional.of(cut(CredentialMasker.mask(text))) : Optional.empty(), Optional.empty());
    }

    /**
     * Whether the request had passed every request-side guardrail when it failed: only then is its
     * body the one that went upstream. A request refused by a guardrail or a limit may be refused
     * for exactly what it contains, so its body is not stored.
     */
    private static boolean wentUpstream(GatewayException error) {
        ErrorCategory category = error.category();
        return category == ErrorCategory.UPSTREAM || category == ErrorCategory.UPSTREAM_TIMEOUT
                || (category == ErrorCategory.RATE_LIMITED && error.upstreamStatus() == 429)
                || (category == ErrorCategory.UNAVAILABLE && error.code().filter("GUARDRAIL_UNAVAILABLE"::equals).isEmpty());
    }

    /** A body as masked JSON text cut to {@code max_body_chars}, or nothing without {@code log_bodies}. */
    private Optional<String> body(ObjectNode body) {
        if (!settings.logBodies()) {
            return Optional.empty();
        }
        try {
            return Optional.of(cut(CredentialMasker.mask(json.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private String cut(String text) {
        return text.length() <= settings.maxBodyChars() ? text : text.substring(0, settings.maxBodyChars());
    }
}
