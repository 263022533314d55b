package io.policygateway.api.guardrail;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Watches one streamed response's text. Not thread-safe; used by one stream. The kernel passes
 * each text delta in order and sends the caller only what {@link #onText} releases, so a guard
 * can hold back a tail that may still become a match (a secret split across chunks).
 */
public interface StreamGuard {

    /** A guard that releases everything at once and never objects. */
    StreamGuard PASS_THROUGH = new StreamGuard() {
        @Override
        public Step onText(String text) {
            return new Step(text, Optional.empty());
        }

        @Override
        public Step finish() {
            return new Step("", Optional.empty());
        }
    };

    /** Receives the next text delta; returns what may go to the caller now. */
    Step onText(String text);

    /** The stream ended: returns everything still held back, and a final verdict if any. */
    Step finish();

    /**
     * @param release text to send to the caller now (possibly rewritten), maybe empty
     * @param verdict a decision reached on this step; {@link Decision#BLOCK} ends the stream with
     *     a terminal error event carrying the reason code
     */
    record Step(String release, Optional<Verdict> verdict) {
        public Step {
            requireNonNull(release, "release is null");
            requireNonNull(verdict, "verdict is null");
        }
    }
}
