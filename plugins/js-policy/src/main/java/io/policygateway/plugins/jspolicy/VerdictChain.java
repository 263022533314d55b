package io.policygateway.plugins.jspolicy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Verdict;
import java.util.Optional;

/**
 * Combines the verdicts of several scripts run one after another on the same request, response or
 * stream chunk. A block ends the chain (the caller stops at it); rewrites accumulate, each script
 * seeing the previous one's output; otherwise the most severe verdict is kept. With one script,
 * the result is that script's verdict. Used by one call on one thread.
 */
final class VerdictChain {
    private Verdict strongest;
    private Verdict lastRewrite;

    void add(Verdict verdict) {
        if (verdict.decision() == Decision.REWRITE) {
            lastRewrite = verdict;
        } else if (strongest == null || verdict.decision().max(strongest.decision()) != strongest.decision()) {
            strongest = verdict;
        }
    }

    /** The combined verdict; {@code rewritten} is the body after every rewrite, used when some script rewrote. */
    Verdict result(ObjectNode rewritten) {
        if (lastRewrite != null) {
            return new Verdict(Decision.REWRITE, lastRewrite.reasonCode(), lastRewrite.message(),
                    Optional.of(rewritten), Optional.empty(), lastRewrite.details());
        }
        return strongest == null ? Verdict.allow() : strongest;
    }

    /** The most severe verdict other than a plain allow, if any (streams, where rewrites are not verdicts). */
    Optional<Verdict> notable() {
        return strongest == null || strongest.decision() == Decision.ALLOW ? Optional.empty() : Optional.of(strongest);
    }
}
