package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PolicyContext;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.plugins.jspolicy.JsGuardrail.ChunkDecision;
import io.policygateway.plugins.jspolicy.JsGuardrail.Selected;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code onStreamChunk} on each text delta of one streamed answer, with the script versions
 * that were current when the stream opened. A chunk is released as soon as its scripts decided
 * (rewritten if they said so); a block releases nothing and ends the stream. Not thread-safe: one
 * stream, one thread, as {@link StreamGuard} requires.
 */
final class ScriptStreamGuard implements StreamGuard {
    /** How many characters of already released text a script sees as {@code chunk.tail}. */
    static final int TAIL_LENGTH = 256;

    private final JsGuardrail guardrail;
    private final PolicyContext context;
    private final List<Selected> scripts;
    private final String hookContext;
    private int index;
    private String tail = "";
    private boolean blocked;

    ScriptStreamGuard(JsGuardrail guardrail, PolicyContext context, List<Selected> scripts, String hookContext) {
        this.guardrail = requireNonNull(guardrail, "guardrail is null");
        this.context = requireNonNull(context, "context is null");
        this.scripts = List.copyOf(scripts);
        this.hookContext = requireNonNull(hookContext, "hookContext is null");
    }

    @Override
    public Step onText(String text) {
        if (blocked) {
            return new Step("", Optional.empty());
        }
        String current = text;
        VerdictChain chain = new VerdictChain();
        for (Selected selected : scripts) {
            ChunkDecision decision;
            if (selected.script() == null) {
                decision = new ChunkDecision(guardrail.missing(selected.name(), context), Optional.empty());
            } else {
                String input = guardrail.inputs().chunk(current, index, tail);
                CallOutcome outcome = guardrail.call(selected.script(), CompiledScript.ON_STREAM_CHUNK, input,
                        hookContext, context);
                decision = guardrail.decideChunk(selected.script(), outcome, context);
            }
            if (decision.verdict().decision() == Decision.BLOCK) {
                blocked = true;
                return new Step("", Optional.of(decision.verdict()));
            }
            current = decision.text().orElse(current);
            chain.add(decision.verdict());
        }
        index++;
        String seen = tail + current;
        tail = seen.length() > TAIL_LENGTH ? seen.substring(seen.length() - TAIL_LENGTH) : seen;
        return new Step(current, chain.notable());
    }

    @Override
    public Step finish() {
        return new Step("", Optional.empty());
    }
}
