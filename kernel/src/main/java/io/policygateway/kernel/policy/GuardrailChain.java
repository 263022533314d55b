package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.Metrics;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.Hook;
import io.policygateway.api.guardrail.RateLimit;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs guardrails in order at each hook. A {@code BLOCK} stops the request (403
 * {@code policy_violation} with the reason code, or 429 with {@code Retry-After} when the verdict
 * carries a {@link RateLimit}); a {@code REWRITE} hands the rewritten body to the
 * next guardrail; shadow guardrails are evaluated and reported but never enforced. A guardrail
 * that throws or exceeds its timeout is a fault: fail-open lets the request through (reported as
 * {@code GUARDRAIL_ERROR}), fail-closed (the default) rejects it with 503. Thread-safe.
 */
public final class GuardrailChain {
    private static final Logger log = LoggerFactory.getLogger(GuardrailChain.class);
    private static final ExecutorService HOOKS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("guardrail-", 0).factory());
    private static final double[] BUCKETS = {0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1};

    private final List<GuardrailStage> stages;
    private final Metrics.Histogram duration;
    private final Metrics.Counter faults;

    public GuardrailChain(List<GuardrailStage> stages, Metrics metrics) {
        this.stages = List.copyOf(stages);
        this.duration = metrics.histogram("guardrail_duration_seconds", "Time spent in guardrail hooks, by guardrail and hook.",
                BUCKETS, "guardrail", "hook");
        this.faults = metrics.counter("guardrail_faults_total", "Guardrail hooks that threw or timed out, by guardrail.", "guardrail");
    }

    public static GuardrailChain empty(Metrics metrics) {
        return new GuardrailChain(List.of(), metrics);
    }

    public boolean isEmpty() {
        return stages.isEmpty();
    }

    /** The outcome of the before-request hooks. */
    public record Before(ObjectNode body, Optional<ObjectNode> cachedResponse) {
    }

    /**
     * @param decisions receives one entry per guardrail that fired
     * @throws GatewayException a block (403) or a fail-closed fault (503)
     */
    public Before beforeRequest(GuardrailRequest request, List<RuleDecision> decisions) throws GatewayException {
        GuardrailRequest current = request;
        for (GuardrailStage stage : stages) {
            if (!stage.hooks().contains(Hook.BEFORE_REQUEST)) {
                continue;
            }
            GuardrailRequest input = current;
            Verdict verdict = call(stage, "before_request", () -> stage.guardrail().beforeRequest(input), decisions);
            if (verdict == null) {
                continue;
            }
            record(stage, verdict, decisions);
            if (stage.shadow()) {
                continue;
            }
            switch (verdict.decision()) {
                case BLOCK -> throw blocked(stage, verdict);
                case REWRITE -> current = new GuardrailRequest(current.context(), current.clientFormat(), current.model(), verdict.replacement().orElseThrow());
                case ALLOW, WARN, LOG_ONLY -> {
                    if (verdict.response().isPresent()) {
                        return new Before(current.body(), verdict.response());
                    }
                }
            }
        }
        return new Before(current.body(), Optional.empty());
    }

    /** Runs the after-request hooks on a whole response; returns the (possibly rewritten) completion. */
    public ObjectNode afterResponse(GuardrailResponse response, List<RuleDecision> decisions) throws GatewayException {
        GuardrailResponse current = response;
        for (GuardrailStage stage : stages) {
            if (!stage.hooks().contains(Hook.AFTER_REQUEST)) {
                continue;
            }
            GuardrailResponse input = current;
            Verdict verdict = call(stage, "after_request", () -> stage.guardrail().afterResponse(input), decisions);
            if (verdict == null) {
                continue;
            }
            record(stage, verdict, decisions);
            if (stage.shadow()) {
                continue;
            }
            switch (verdict.decision()) {
                case BLOCK -> {
                    if (Boolean.TRUE.equals(verdict.details().get("retry")) && verdict.details().get("retry_message") instanceof String retry) {
                        decisions.remove(decisions.size() - 1);
                        decisions.add(new RuleDecision(stage.ruleId(), stage.policyId(), Decision.WARN, verdict.reasonCode(),
                                "the answer was refused and the model asked once more", false, Map.of()));
                        throw new RetryRequestedException(verdict.reasonCode(), blockMessage(stage, verdict), retry);
                    }
                    throw blocked(stage, verdict);
                }
                case REWRITE -> current = new GuardrailResponse(current.request(), verdict.replacement().orElseThrow(), current.provider(),
                        current.model(), current.usage(), current.upstreamMillis());
                case ALLOW, WARN, LOG_ONLY -> {
                }
            }
        }
        return current.body();
    }

    /** Whether any guardrail looks at responses (whole or streamed). */
    public boolean inspectsResponses() {
        return stages.stream().anyMatch(stage -> stage.hooks().contains(Hook.AFTER_REQUEST) || stage.hooks().contains(Hook.STREAM_CHUNK));
    }

    /** Whether any guardrail watches streamed text. */
    public boolean watchesStreams() {
        return stages.stream().anyMatch(stage -> stage.hooks().contains(Hook.STREAM_CHUNK));
    }

    /** Per-stream state: text deltas pass through every stream-watching guardrail in order. */
    public StreamChain openStream(GuardrailRequest request, List<RuleDecision> decisions) {
        List<GuardrailStage> watching = new ArrayList<>();
        List<StreamGuard> guards = new ArrayList<>();
        for (GuardrailStage stage : stages) {
            if (stage.hooks().contains(Hook.STREAM_CHUNK)) {
                try {
                    guards.add(stage.guardrail().openStream(request));
                    watching.add(stage);
                } catch (RuntimeException e) {
                    faults.inc(stage.ruleId());
                    log.warn("Guardrail {} failed to open a stream watcher: {}", stage.ruleId(), e.toString());
                }
            }
        }
        return new StreamChain(watching, guards, decisions);
    }

    /** Tells every guardrail the request failed; never throws. */
    public void onError(GuardrailRequest request, GatewayException error) {
        for (GuardrailStage stage : stages) {
            if (stage.hooks().contains(Hook.ON_ERROR)) {
                try {
                    stage.guardrail().onError(request, error);
                } catch (RuntimeException e) {
                    faults.inc(stage.ruleId());
                }
            }
        }
    }

    /** One stream's guards. Not thread-safe. */
    public final class StreamChain {
        private final List<GuardrailStage> watching;
        private final List<StreamGuard> guards;
        private final List<RuleDecision> decisions;

        StreamChain(List<GuardrailStage> watching, List<StreamGuard> guards, List<RuleDecision> decisions) {
            this.watching = watching;
            this.guards = guards;
            this.decisions = decisions;
        }

        public boolean isEmpty() {
            return guards.isEmpty();
        }

        /** Passes a text delta through the guards; returns what the caller may see now. */
        public String onText(String text) throws GatewayException {
            String flowing = text;
            for (int i = 0; i < guards.size(); i++) {
                flowing = step(i, guards.get(i), flowing, false);
            }
            return flowing;
        }

        /** The stream ended: flushes what each guard held back, in order. */
        public String finish() throws GatewayException {
            String flowing = "";
            for (int i = 0; i < guards.size(); i++) {
                String released = flowing.isEmpty() ? "" : step(i, guards.get(i), flowing, false);
                flowing = released + step(i, guards.get(i), "", true);
            }
            return flowing;
        }

        private String step(int index, StreamGuard guard, String text, boolean finish) throws GatewayException {
            GuardrailStage stage = watching.get(index);
            StreamGuard.Step step;
            try {
                step = finish ? guard.finish() : guard.onText(text);
            } catch (RuntimeException e) {
                faults.inc(stage.ruleId());
                if (stage.failOpen() || stage.shadow()) {
                    decisions.add(new RuleDecision(stage.ruleId(), stage.policyId(), Decision.LOG_ONLY, "GUARDRAIL_ERROR",
                            "guardrail failed on the stream and is fail-open", stage.shadow(), Map.of()));
                    return text;
                }
                throw unavailable(stage, "failed on the stream");
            }
            if (step.verdict().isPresent()) {
                Verdict verdict = step.verdict().get();
                record(stage, verdict, decisions);
                if (!stage.shadow() && verdict.decision() == Decision.BLOCK) {
                    throw blocked(stage, verdict);
                }
            }
            return step.release();
        }
    }

    private Verdict call(GuardrailStage stage, String hook, Callable<Verdict> task, List<RuleDecision> decisions) throws GatewayException {
        long started = System.nanoTime();
        Future<Verdict> future = HOOKS.submit(task);
        try {
            Verdict verdict = future.get(stage.timeout().toNanos(), TimeUnit.NANOSECONDS);
            return requireNonNull(verdict, "guardrail returned no verdict");
        } catch (TimeoutException e) {
            future.cancel(true);
            return fault(stage, "timed out after " + stage.timeout().toMillis() + " ms", decisions);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            log.warn("Guardrail {} failed at {}: {}", stage.ruleId(), hook, String.valueOf(cause));
            return fault(stage, cause instanceof GatewayException gateway ? "failed: " + gateway.getMessage() : "failed (details in the gateway log)", decisions);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorCategory.INTERNAL, "interrupted while running guardrail " + stage.ruleId());
        } catch (NullPointerException e) {
            return fault(stage, "returned no verdict", decisions);
        } finally {
            duration.observe((System.nanoTime() - started) / 1e9, stage.ruleId(), hook);
        }
    }

    private Verdict fault(GuardrailStage stage, String what, List<RuleDecision> decisions) throws GatewayException {
        faults.inc(stage.ruleId());
        if (stage.failOpen() || stage.shadow()) {
            decisions.add(new RuleDecision(stage.ruleId(), stage.policyId(), Decision.LOG_ONLY, "GUARDRAIL_ERROR",
                    "guardrail " + what + "; fail-open lets the request through", stage.shadow(), Map.of()));
            return null;
        }
        decisions.add(new RuleDecision(stage.ruleId(), stage.policyId(), Decision.BLOCK, "GUARDRAIL_UNAVAILABLE",
                "guardrail " + what + " and fails closed", false, Map.of()));
        throw unavailable(stage, what);
    }

    private static GatewayException unavailable(GuardrailStage stage, String what) {
        return new GatewayException(ErrorCategory.UNAVAILABLE, "Guardrail '" + stage.ruleId() + "' " + what
                + " and is configured to fail closed, so the request was not sent.", "GUARDRAIL_UNAVAILABLE", null, 0, null, null);
    }

    private static void record(GuardrailStage stage, Verdict verdict, List<RuleDecision> decisions) {
        if (verdict.decision() != Decision.ALLOW || verdict.response().isPresent() || !verdict.details().isEmpty()) {
            decisions.add(new RuleDecision(stage.ruleId(), stage.policyId(), verdict.decision(), verdict.reasonCode(), verdict.message(),
                    stage.shadow(), verdict.details()));
        }
    }

    /**
     * The error for an enforced block: 429 with {@code Retry-After} and {@code x-ratelimit-*}
     * headers when the guardrail says it is a rate limit, else 403 {@code policy_violation}.
     */
    private static GatewayException blocked(GuardrailStage stage, Verdict verdict) {
        if (verdict.rateLimit().isPresent()) {
            RateLimit limit = verdict.rateLimit().get();
            String message = verdict.message().isBlank() ? "rate limited by guardrail " + stage.ruleId() : verdict.message();
            return new LimitExceededException(verdict.reasonCode(), "Rate limit exceeded (" + verdict.reasonCode() + "): " + message,
                    limit.retryAfter(), limit.headers());
        }
        return GatewayException.policy(verdict.reasonCode(), blockMessage(stage, verdict));
    }

    private static String blockMessage(GuardrailStage stage, Verdict verdict) {
        String message = verdict.message().isBlank() ? "blocked by guardrail " + stage.ruleId() : verdict.message();
        return "Request blocked by policy (" + verdict.reasonCode() + "): " + message;
    }
}
