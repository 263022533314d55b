package io.policygateway.plugins.piiredact;

import java.util.List;

/**
 * Finds one kind of personal data in a text. Implementations are immutable and thread-safe; their
 * patterns are compiled when they are constructed.
 */
interface Recognizer {

    /** The type this recognizer reports. */
    PiiType type();

    /**
     * Adds every candidate found in {@code text} to {@code out}, in any order, possibly
     * overlapping. {@code anchors} are the positions where entities can start; recognizers of
     * anchored types match only there.
     */
    void find(String text, Anchors anchors, List<Candidate> out);

    /**
     * A span a recognizer proposes, with its confidence: where two candidates overlap, the more
     * confident one wins (then the longer one).
     */
    record Candidate(PiiType type, int start, int end, double confidence) {
    }
}
