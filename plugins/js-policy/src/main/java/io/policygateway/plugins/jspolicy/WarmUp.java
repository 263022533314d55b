package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import io.policygateway.plugins.jspolicy.CompiledScript.LoadResult;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a built-in, typical guardrail script for up to {@link #BUDGET} after it loaded, when the
 * engine starts. On a cold JVM the first calls of any script take tens of milliseconds of CPU (the
 * JVM is still interpreting the JavaScript interpreter), close to the default 50 ms limit; the
 * warm-up has the JVM compile the common paths (JSON, regular expressions, arrays, strings, the
 * helpers) before the first request. On a busy machine it gets through few calls and helps less.
 */
final class WarmUp {
    /** Upper bound of the time spent warming up. */
    static final Duration BUDGET = Duration.ofMillis(500);
    static final int MAX_CALLS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final String REQUEST = """
            {"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a helpful assistant."},\
            {"role":"user","content":"Please summarise ticket OPS-1234 for the ACME account in two sentences."}],\
            "parameters":{"temperature":0.2,"max_tokens":256}}""";
    private static final String CONTEXT = """
            {"hook":"onRequest","trace_id":"0af7651916cd43dd8448eb211c80319c","surface":"policy",\
            "route":"/chat/completions","model":"gpt-4o-mini","project":"support-bot","user":"user-12345",\
            "target":"prod","key_name":"default","policy_id":null,"roles":["developer"],"headers":{},\
            "rule":{"action":null,"categories":[]},"params":{}}""";

    private final JavaScriptRuntime runtime;
    private final String text;

    WarmUp(JavaScriptRuntime runtime, String text) {
        this.runtime = requireNonNull(runtime, "runtime is null");
        this.text = requireNonNull(text, "text is null");
    }

    /** Returns the number of calls made; never throws (a failed warm-up only costs speed). */
    int run() {
        LoadResult result = CompiledScript.load(runtime, "gateway-warm-up.js", text, Duration.ofSeconds(5), 64L << 20);
        if (!(result instanceof LoadResult.Loaded loaded)) {
            LOG.warn("The JavaScript warm-up script did not load: {}", result);
            return 0;
        }
        CompiledScript script = loaded.script();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int calls = 0;
        try {
            while (calls < MAX_CALLS && System.nanoTime() - deadline < 0) {
                CallOutcome outcome = script.call(CompiledScript.ON_REQUEST, REQUEST, CONTEXT, "warm-up",
                        Duration.ofSeconds(5), 64L << 20);
                if (outcome instanceof CallOutcome.Failed failed) {
                    LOG.warn("The JavaScript warm-up stopped: {}", failed.detail());
                    break;
                }
                calls++;
            }
        } finally {
            script.retire();
        }
        return calls;
    }
}
