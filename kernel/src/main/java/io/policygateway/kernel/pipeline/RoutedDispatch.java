package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.EventStream;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderRequest;
import io.policygateway.api.provider.ProviderResponse;
import io.policygateway.api.routing.AttemptOutcome;
import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.TargetView;
import io.policygateway.kernel.routing.AttemptHistory;
import io.policygateway.kernel.routing.Route;
import io.policygateway.kernel.routing.Route.Candidate;
import io.policygateway.kernel.routing.Target;
import io.policygateway.kernel.routing.TokenEstimate;
import io.policygateway.kernel.routing.TrackedEventStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * One request over a configured route: the strategy orders the candidates, then each target is
 * tried in turn — skipped while its circuit breaker is open, retried on the statuses its
 * {@code retry} lists (and on connection errors and timeouts) after an exponential, fully jittered
 * backoff or the upstream's {@code Retry-After} — until one answers. Confined to the request's thread.
 */
final class RoutedDispatch {
    private final Dispatcher dispatcher;
    private final Route route;
    private final RequestCall call;
    private final WireFormat format;
    private final String model;
    private final String requestedModel;
    private final ObjectNode body;
    private final boolean stream;
    private final PolicyContext context;
    private final Map<String, String> forwardHeaders;

    RoutedDispatch(Dispatcher dispatcher, Route route, RequestCall call, WireFormat format, String model, String requestedModel,
            ObjectNode body, boolean stream, PolicyContext context, Map<String, String> forwardHeaders) {
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.route = requireNonNull(route, "route is null");
        this.call = requireNonNull(call, "call is null");
        this.format = requireNonNull(format, "format is null");
        this.model = requireNonNull(model, "model is null");
        this.requestedModel = requireNonNull(requestedModel, "requestedModel is null");
        this.body = requireNonNull(body, "body is null");
        this.stream = stream;
        this.context = requireNonNull(context, "context is null");
        this.forwardHeaders = requireNonNull(forwardHeaders, "forwardHeaders is null");
    }

    /** The outcome of one attempt: an answer, or a failure and how long it took. */
    private record Result(Optional<Dispatcher.Dispatched> answer, GatewayException failure, long millis) {
    }

    Dispatcher.Dispatched run(Predicate<TargetView> compliance) throws GatewayException {
        List<Candidate> candidates = route.candidates(model, format, compliance);
        RoutingRequest request = new RoutingRequest(model, requestedModel, format, stream, TokenEstimate.input(body),
                TokenEstimate.output(body), context);
        List<Candidate> plan = route.plan(request, candidates);
        AttemptHistory history = new AttemptHistory(route.name());
        Target lastFailed = null;
        for (Candidate candidate : plan) {
            Target target = candidate.target();
            for (int attempt = 1; ; attempt++) {
                if (!target.breaker().tryAcquire()) {
                    if (attempt == 1) {
                        history.skipped(target.id(), target.breaker().snapshot());
                        route.metrics().attempt(route.name(), target.id(), "circuit_open");
                    }
                    break;
                }
                if (lastFailed != null && lastFailed != target) {
                    route.metrics().fallback(route.name(), lastFailed.id(), target.id());
                }
                Result result = attempt(candidate);
                if (result.answer().isPresent()) {
                    return result.answer().get();
                }
                GatewayException failure = result.failure();
                history.failed(target.id(), failure, result.millis());
                if (!Dispatcher.isTargetFailure(failure)) {
                    throw failure;
                }
                lastFailed = target;
                if (attempt >= target.retry().attempts() || !target.retry().retriesOn(failure)) {
                    break;
                }
                Optional<Duration> delay = target.retry().delayBefore(attempt, failure.retryAfter(), ThreadLocalRandom.current().nextDouble());
                if (delay.isEmpty()) {
                    break;
                }
                pause(delay.get());
                route.metrics().retry(route.name(), target.id());
            }
        }
        throw history.failure();
    }

    private Result attempt(Candidate candidate) {
        Target target = candidate.target();
        Provider provider = target.provider();
        String targetModel = target.model(model);
        AccessRecord record = call.record();
        record.provider = provider.name();
        record.model = targetModel;
        record.metricModel = dispatcher.registry().metricModel(targetModel);
        record.attempts++;
        ProviderRequest request = new ProviderRequest(format, targetModel, Dispatcher.withModel(body, targetModel), stream, context,
                forwardHeaders, dispatcher.upstream().firstByte(), dispatcher.upstream().idle());
        long started = System.nanoTime();
        try {
            ProviderResponse response = provider.send(request);
            if (response instanceof ProviderResponse.Streaming streaming) {
                response = firstEventRead(streaming, candidate);
            }
            long elapsed = System.nanoTime() - started;
            succeeded(candidate, elapsed);
            return new Result(Optional.of(new Dispatcher.Dispatched(provider, targetModel, response)), null, elapsed / 1_000_000);
        } catch (GatewayException e) {
            long elapsed = System.nanoTime() - started;
            failed(candidate, e, elapsed);
            return new Result(Optional.empty(), e, elapsed / 1_000_000);
        } catch (RuntimeException e) {
            long elapsed = System.nanoTime() - started;
            GatewayException failure = Dispatcher.pluginFailure(provider, e);
            failed(candidate, failure, elapsed);
            return new Result(Optional.empty(), failure, elapsed / 1_000_000);
        }
    }

    /** Waits for the stream's first event, so a target that fails before it can still be replaced. */
    private ProviderResponse firstEventRead(ProviderResponse.Streaming streaming, Candidate candidate) throws GatewayException {
        EventStream events = streaming.events();
        Optional<SseEvent> first;
        try {
            first = events.next();
        } catch (GatewayException | RuntimeException e) {
            events.close();
            throw e;
        }
        EventStream tracked = new TrackedEventStream(events, first, failure -> streamBroke(candidate, failure));
        return new ProviderResponse.Streaming(streaming.format(), tracked, streaming.headers());
    }

    private void succeeded(Candidate candidate, long nanos) {
        Target target = candidate.target();
        String provider = target.provider().name();
        double millis = nanos / 1e6;
        call.record().upstreamNanos(nanos);
        dispatcher.registry().health(provider).success(dispatcher.clock().instant(), nanos / 1_000_000);
        dispatcher.metrics().upstreamAttempts.inc(provider, "success");
        route.metrics().attempt(route.name(), target.id(), "success");
        target.latency().record(millis);
        target.breaker().onSuccess();
        target.health().success(dispatcher.clock().instant(), nanos / 1_000_000);
        route.record(candidate, new AttemptOutcome(true, millis, 200, Optional.empty()));
    }

    private void failed(Candidate candidate, GatewayException failure, long nanos) {
        Target target = candidate.target();
        String provider = target.provider().name();
        call.record().upstreamNanos(nanos);
        dispatcher.metrics().upstreamAttempts.inc(provider, "failure");
        if (Dispatcher.isTargetFailure(failure)) {
            dispatcher.registry().health(provider).failure(dispatcher.clock().instant(), failure.getMessage());
            target.breaker().onFailure();
            target.health().failure(dispatcher.clock().instant(), failure.getMessage());
            route.metrics().attempt(route.name(), target.id(), "failure");
        } else {
            target.breaker().release();
            route.metrics().attempt(route.name(), target.id(), "rejected");
        }
        route.record(candidate, new AttemptOutcome(false, nanos / 1e6, failure.upstreamStatus(), Optional.of(failure.getMessage())));
    }

    /** A stream that had started broke or stalled: the target failed, though the caller already has its answer's beginning. */
    private void streamBroke(Candidate candidate, GatewayException failure) {
        Target target = candidate.target();
        target.breaker().onFailure();
        target.health().failure(dispatcher.clock().instant(), failure.getMessage());
        route.metrics().streamFailure(route.name(), target.id());
        route.record(candidate, new AttemptOutcome(false, 0, failure.upstreamStatus(), Optional.of(failure.getMessage())));
    }

    private void pause(Duration delay) throws GatewayException {
        long started = System.nanoTime();
        try {
            dispatcher.pause().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorCategory.UPSTREAM, "Interrupted while waiting to retry an upstream call.");
        } finally {
            call.record().upstreamNanos(System.nanoTime() - started);
        }
    }
}
