package io.policygateway.plugins.promptshield.classifier;

/** Where a text comes from; tool results are untrusted content that the user did not write. */
public enum Provenance {
    /** Written by the caller (a user message). */
    USER,
    /** Returned by a tool or function and passed back to the model. */
    TOOL
}
