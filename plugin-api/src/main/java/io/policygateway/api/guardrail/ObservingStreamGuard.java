package io.policygateway.api.guardrail;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link StreamGuard} that lets every delta through at once and only looks afterwards: it keeps
 * (up to {@code limit} characters of) the answer and, when the stream ends, asks
 * {@code verdictAtEnd} for a verdict to record. It can neither change nor stop what was sent, so
 * it suits log-only ("pass-through") stream handling, where latency matters more than redaction.
 * A {@link Decision#BLOCK} returned at the end is reported as {@link Decision#LOG_ONLY}, since
 * the text is already with the caller. Not thread-safe: one instance per stream.
 */
public final class ObservingStreamGuard implements StreamGuard {
    private final int limit;
    private final Function<String, Optional<Verdict>> verdictAtEnd;
    private final StringBuilder seen = new StringBuilder();

    /**
     * @param limit the most characters kept for the final look; later text passes unseen
     * @param verdictAtEnd given the kept text when the stream ends; returns what to record
     */
    public ObservingStreamGuard(int limit, Function<String, Optional<Verdict>> verdictAtEnd) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        this.limit = limit;
        this.verdictAtEnd = requireNonNull(verdictAtEnd, "verdictAtEnd is null");
    }

    @Override
    public Step onText(String text) {
        requireNonNull(text, "text is null");
        if (seen.length() < limit) {
            seen.append(text, 0, Math.min(text.length(), limit - seen.length()));
        }
        return new Step(text, Optional.empty());
    }

    @Override
    public Step finish() {
        Optional<Verdict> verdict = verdictAtEnd.apply(seen.toString()).map(ObservingStreamGuard::notBlocking);
        seen.setLength(0);
        return new Step("", verdict);
    }

    private static Verdict notBlocking(Verdict verdict) {
        if (verdict.decision() != Decision.BLOCK && verdict.decision() != Decision.REWRITE) {
            return verdict;
        }
        return new Verdict(Decision.LOG_ONLY, verdict.reasonCode(), verdict.message(), Optional.empty(), Optional.empty(),
                verdict.details());
    }
}
