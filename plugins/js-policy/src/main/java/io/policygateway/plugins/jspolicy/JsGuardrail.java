package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.GuardrailResponse;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import io.policygateway.plugins.jspolicy.CallOutcome.Failed;
import io.policygateway.plugins.jspolicy.CallOutcome.Returned;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A guardrail backed by one policy script, or by every script of the policies folder in file name
 * order. Each hook call runs the script's matching hook in a sandboxed context on a script worker
 * and turns its return value into a {@link Verdict}; a script that cannot decide gets the
 * configured fail outcome. Thread-safe; the script version is picked when a call (or a stream)
 * starts, so a reload never changes a call half-way.
 *
 * <p>{@link #close()} releases the policies folder (its watcher stops when no guardrail uses it).
 */
final class JsGuardrail implements Guardrail, AutoCloseable {
    private final JsPolicyConfig config;
    private final ScriptDirectory scripts;
    private final HookInputs inputs;
    private final DecisionReader reader;
    private final ScriptReporter reporter;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    JsGuardrail(JsPolicyConfig config, ScriptDirectory scripts, HookInputs inputs, DecisionReader reader,
            ScriptReporter reporter, Runnable release) {
        this.config = requireNonNull(config, "config is null");
        this.scripts = requireNonNull(scripts, "scripts is null");
        this.inputs = requireNonNull(inputs, "inputs is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.release = requireNonNull(release, "release is null");
    }

    @Override
    public Verdict beforeRequest(GuardrailRequest request) {
        ObjectNode body = request.body();
        String model = request.model();
        VerdictChain chain = new VerdictChain();
        String hookContext = null;
        for (Selected selected : select()) {
            Verdict verdict;
            if (selected.script() == null) {
                verdict = missing(selected.name(), request.context());
            } else if (!selected.script().defines(CompiledScript.ON_REQUEST)) {
                continue;
            } else {
                hookContext = hookContext != null ? hookContext
                        : inputs.context(request.context(), request.model(), CompiledScript.ON_REQUEST);
                CallOutcome outcome = call(selected.script(), CompiledScript.ON_REQUEST, inputs.request(model, body),
                        hookContext, request.context());
                ObjectNode current = body;
                verdict = decide(selected.script(), outcome, request.context(), "request",
                        decision -> Rewrites.request(current, decision.request().orElseThrow()));
            }
            if (verdict.decision() == Decision.BLOCK) {
                return verdict;
            }
            if (verdict.decision() == Decision.REWRITE) {
                body = verdict.replacement().orElseThrow();
                model = body.path("model").asText(model);
            }
            chain.add(verdict);
        }
        return chain.result(body);
    }

    @Override
    public Verdict afterResponse(GuardrailResponse response) {
        ObjectNode body = response.body();
        VerdictChain chain = new VerdictChain();
        PolicyContext context = response.request().context();
        String hookContext = null;
        ObjectNode requestView = null;
        for (Selected selected : select()) {
            Verdict verdict;
            if (selected.script() == null) {
                verdict = missing(selected.name(), context);
            } else if (!selected.script().defines(CompiledScript.ON_RESPONSE)) {
                continue;
            } else {
                hookContext = hookContext != null ? hookContext
                        : inputs.context(context, response.request().model(), CompiledScript.ON_RESPONSE);
                requestView = requestView != null ? requestView
                        : inputs.requestView(response.request().model(), response.request().body());
                String input = inputs.response(body, response.provider(), response.model(), response.usage(), requestView);
                CallOutcome outcome = call(selected.script(), CompiledScript.ON_RESPONSE, input, hookContext, context);
                ObjectNode current = body;
                verdict = decide(selected.script(), outcome, context, "response",
                        decision -> Rewrites.response(current, decision.response().orElseThrow()));
            }
            if (verdict.decision() == Decision.BLOCK) {
                return verdict;
            }
            if (verdict.decision() == Decision.REWRITE) {
                body = verdict.replacement().orElseThrow();
            }
            chain.add(verdict);
        }
        return chain.result(body);
    }

    @Override
    public StreamGuard openStream(GuardrailRequest request) {
        List<Selected> watching = select().stream()
                .filter(selected -> selected.script() == null || selected.script().defines(CompiledScript.ON_STREAM_CHUNK))
                .toList();
        if (watching.isEmpty()) {
            return StreamGuard.PASS_THROUGH;
        }
        String hookContext = inputs.context(request.context(), request.model(), CompiledScript.ON_STREAM_CHUNK);
        return new ScriptStreamGuard(this, request.context(), watching, hookContext);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }

    /** The scripts a call runs now: the configured one (with a null script when its file is gone), or all. */
    List<Selected> select() {
        if (config.allScripts()) {
            List<CompiledScript> all = scripts.scripts();
            List<Selected> selected = new ArrayList<>(all.size());
            all.forEach(script -> selected.add(new Selected(script.name(), script)));
            return selected;
        }
        return List.of(new Selected(config.script(), scripts.script(config.script())));
    }

    HookInputs inputs() {
        return inputs;
    }

    CallOutcome call(CompiledScript script, String hook, String input, String hookContext, PolicyContext context) {
        return script.call(hook, input, hookContext, context.traceId(), config.timeout(), config.memoryBytes());
    }

    /** Reads a stream-chunk call: the verdict to record and the text to send instead, if rewritten. */
    ChunkDecision decideChunk(CompiledScript script, CallOutcome outcome, PolicyContext context) {
        if (outcome instanceof Failed failed) {
            return new ChunkDecision(failure(script.name(), script.version(), failed, context), Optional.empty());
        }
        try {
            ScriptDecision decision = reader.read(((Returned) outcome).value(), "text");
            if (decision.action() == Decision.REWRITE) {
                Verdict recorded = new Verdict(Decision.LOG_ONLY, decision.effectiveReasonCode(), decision.message(),
                        Optional.empty(), Optional.empty(), details(decision, script)).withDetails(Map.of("stream_rewrite", true));
                return new ChunkDecision(recorded, decision.text());
            }
            return new ChunkDecision(toVerdict(decision, script, null), Optional.empty());
        } catch (InvalidResultException e) {
            return new ChunkDecision(invalid(script, e, context), Optional.empty());
        }
    }

    Verdict missing(String name, PolicyContext context) {
        return failure(name, "none", Failed.of(FailureKind.MISSING, "no loaded script named " + name), context);
    }

    private Verdict decide(CompiledScript script, CallOutcome outcome, PolicyContext context, String payloadKey,
            RewriteBuilder rewrite) {
        if (outcome instanceof Failed failed) {
            return failure(script.name(), script.version(), failed, context);
        }
        try {
            return toVerdict(reader.read(((Returned) outcome).value(), payloadKey), script, rewrite);
        } catch (InvalidResultException e) {
            return invalid(script, e, context);
        }
    }

    private Verdict toVerdict(ScriptDecision decision, CompiledScript script, RewriteBuilder rewrite)
            throws InvalidResultException {
        if (decision.action() == Decision.ALLOW && decision.reasonCode().isEmpty() && decision.message().isEmpty()
                && decision.details().isEmpty()) {
            return Verdict.allow();
        }
        String reasonCode = decision.effectiveReasonCode();
        Map<String, Object> details = details(decision, script);
        return switch (decision.action()) {
            case ALLOW -> new Verdict(Decision.ALLOW, reasonCode, decision.message(), Optional.empty(), Optional.empty(),
                    details);
            case REWRITE -> new Verdict(Decision.REWRITE, reasonCode, decision.message(), Optional.of(rewrite.build(decision)),
                    Optional.empty(), details);
            case BLOCK -> new Verdict(Decision.BLOCK, reasonCode,
                    decision.message().isEmpty() ? "Blocked by policy script " + script.name() : decision.message(),
                    Optional.empty(), Optional.empty(), details);
            case WARN, LOG_ONLY -> new Verdict(decision.action(), reasonCode, decision.message(), Optional.empty(),
                    Optional.empty(), details);
        };
    }

    private static Map<String, Object> details(ScriptDecision decision, CompiledScript script) {
        Map<String, Object> details = new LinkedHashMap<>(decision.details());
        details.put("script", script.name());
        details.put("script_version", script.version());
        return details;
    }

    private Verdict invalid(CompiledScript script, InvalidResultException error, PolicyContext context) {
        return failure(script.name(), script.version(),
                Failed.of(FailureKind.INVALID_RESULT, "invalid result: " + error.getMessage()), context);
    }

    /** The fail outcome for a call that produced no decision, reported to logs and events. */
    private Verdict failure(String name, String version, Failed failed, PolicyContext context) {
        boolean closedFailure = config.failMode() == FailMode.CLOSED;
        Decision decision = closedFailure ? Decision.BLOCK : Decision.LOG_ONLY;
        reporter.callFailed(name, version, failed, context, decision.wireName());
        String message = "Policy script " + name + " could not decide (" + failed.kind().label() + ")"
                + (closedFailure ? "; it fails closed" : "; it fails open");
        return new Verdict(decision, failed.kind().reasonCode(), message, Optional.empty(), Optional.empty(),
                Map.of("script", name, "script_version", version, "failure", failed.kind().label()));
    }

    /** A script to run, with a null script when the configured file is not loaded. */
    record Selected(String name, CompiledScript script) {
        Selected {
            requireNonNull(name, "name is null");
        }
    }

    /** The verdict of one stream-chunk call and the replacement text, when the script rewrote the chunk. */
    record ChunkDecision(Verdict verdict, Optional<String> text) {
        ChunkDecision {
            requireNonNull(verdict, "verdict is null");
            requireNonNull(text, "text is null");
        }
    }

    @FunctionalInterface
    private interface RewriteBuilder {
        ObjectNode build(ScriptDecision decision) throws InvalidResultException;
    }
}
