package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * One sandboxed context holding one version of one script, ready to call. Single-threaded: a
 * {@link ContextPool} lends it to one call at a time. After a failed call it is closed, never reused.
 *
 * <p>The script's own code is held as a function (see {@link ScriptSource}) that every call runs
 * anew, so top-level variables start fresh on each call; the built-ins it could otherwise use to
 * carry state are frozen by the sandbox bootstrap.
 */
final class ScriptContext implements AutoCloseable {
    private final Context context;
    private final ScriptHelpers helpers;
    private final Value describe;
    private final Value invoke;
    private final Value factory;

    private ScriptContext(Context context, ScriptHelpers helpers, Value describe, Value invoke, Value factory) {
        this.context = context;
        this.helpers = helpers;
        this.describe = describe;
        this.invoke = invoke;
        this.factory = factory;
    }

    /**
     * Builds a context: the sandbox bootstrap, then the script's function (compiled, not run).
     *
     * @throws PolyglotException when the script does not compile
     */
    static ScriptContext open(JavaScriptRuntime runtime, ScriptSource script) {
        requireNonNull(runtime, "runtime is null");
        requireNonNull(script, "script is null");
        Context context = runtime.newContext();
        try {
            ScriptHelpers helpers = new ScriptHelpers(script.name());
            Value drivers = context.eval(runtime.sandboxSource()).execute(helpers.log(), helpers.hash());
            Value factory = context.eval(script.wrapped());
            return new ScriptContext(context, helpers, drivers.getArrayElement(0), drivers.getArrayElement(1), factory);
        } catch (RuntimeException e) {
            closeQuietly(context);
            throw e;
        }
    }

    /**
     * Checks, without running anything, that the text parses as a standalone script and, wrapped,
     * as a strict-mode function body. Parsing the wrapped source also caches it on the engine.
     *
     * @throws PolyglotException a syntax error with its position
     */
    static void checkSyntax(JavaScriptRuntime runtime, ScriptSource script) {
        Context context = runtime.newContext();
        try {
            context.parse(script.standalone());
            context.parse(script.wrapped());
        } finally {
            closeQuietly(context);
        }
    }

    Context polyglotContext() {
        return context;
    }

    /** Runs the script's top level once and returns the hooks it defines, comma-separated. */
    String describe() {
        helpers.startCall("load");
        return describe.execute(factory).asString();
    }

    /**
     * Runs the script's top level and one hook.
     *
     * @param hook {@code onRequest}, {@code onResponse} or {@code onStreamChunk}
     * @param input the hook's first argument as JSON text
     * @param hookContext the hook's second argument as JSON text
     * @param traceId the request's trace id, for the script's log lines
     * @return {@code {"result": ...}} as JSON text
     * @throws PolyglotException when the script throws or the call is cancelled
     */
    String invoke(String hook, String input, String hookContext, String traceId) {
        helpers.startCall(traceId);
        return invoke.execute(factory, hook, input, hookContext).asString();
    }

    @Override
    public void close() {
        closeQuietly(context);
    }

    private static void closeQuietly(Context context) {
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // A context stopped by the watchdog rethrows its cancellation on close: it is gone either way.
        }
    }
}
