package io.policygateway.plugins.secretscan;

import java.util.List;

/** Finds one family of credentials. Immutable and thread-safe; patterns are compiled once. */
interface Rule {

    /** Adds every candidate found in {@code text} to {@code out}, possibly overlapping others. */
    void find(String text, List<Candidate> out);

    /** A proposed span; where candidates overlap, the more confident one wins (then the longer). */
    record Candidate(SecretType type, int start, int end, double confidence) {
    }
}
