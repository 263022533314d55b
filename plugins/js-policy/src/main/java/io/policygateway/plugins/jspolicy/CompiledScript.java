package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import io.policygateway.plugins.jspolicy.CallOutcome.Failed;
import io.policygateway.plugins.jspolicy.CallOutcome.Returned;
import io.policygateway.plugins.jspolicy.Watchdog.Watch;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import org.graalvm.polyglot.PolyglotException;

/**
 * One loaded version of one script file: its compiled source, the hooks it defines and its pool
 * of contexts. Immutable apart from the pool; shared by concurrent calls. A call that started on
 * a version finishes on it even if the file changes meanwhile.
 */
final class CompiledScript {
    static final String ON_REQUEST = "onRequest";
    static final String ON_RESPONSE = "onResponse";
    static final String ON_STREAM_CHUNK = "onStreamChunk";

    private final JavaScriptRuntime runtime;
    private final ScriptSource source;
    private final Set<String> hooks;
    private final ContextPool pool;

    private CompiledScript(JavaScriptRuntime runtime, ScriptSource source, Set<String> hooks, ContextPool pool) {
        this.runtime = requireNonNull(runtime, "runtime is null");
        this.source = requireNonNull(source, "source is null");
        this.hooks = Set.copyOf(hooks);
        this.pool = requireNonNull(pool, "pool is null");
    }

    /**
     * Compiles a script's text and runs its top level once (under the same limits as a call) to
     * learn which hooks it defines. The context used for that becomes the first pooled one.
     */
    static LoadResult load(JavaScriptRuntime runtime, String name, String text, Duration timeout, long memoryBytes) {
        ScriptSource source = ScriptSource.of(name, text);
        try {
            ScriptContext.checkSyntax(runtime, source);
        } catch (PolyglotException e) {
            return new LoadResult.Failure(ScriptProblems.fromSyntax(source, e));
        }
        ContextPool pool = new ContextPool(runtime.workers().size(), () -> ScriptContext.open(runtime, source));
        CallOutcome outcome = runtime.workers().run(
                () -> onWorker(runtime, name, pool, timeout, memoryBytes, ScriptContext::describe), timeout);
        if (outcome instanceof Failed failed) {
            pool.retire();
            return new LoadResult.Failure(ScriptProblems.fromLoad(name, failed));
        }
        String described = ((Returned) outcome).value();
        Set<String> hooks = described.isEmpty() ? Set.of() : Set.of(described.split(","));
        if (hooks.isEmpty()) {
            pool.retire();
            return new LoadResult.Failure(new ScriptProblem(name, 0, 0,
                    "defines none of the hooks onRequest, onResponse, onStreamChunk"));
        }
        return new LoadResult.Loaded(new CompiledScript(runtime, source, hooks, pool));
    }

    /** The file name. */
    String name() {
        return source.name();
    }

    /** The first 12 hex digits of the SHA-256 of the file's content. */
    String version() {
        return source.version();
    }

    boolean defines(String hook) {
        return hooks.contains(hook);
    }

    Set<String> hooks() {
        return hooks;
    }

    /**
     * Calls one hook on a worker thread and waits for it.
     *
     * @param hook the hook's name
     * @param input its first argument, JSON text
     * @param hookContext its second argument, JSON text
     */
    CallOutcome call(String hook, String input, String hookContext, String traceId, Duration timeout, long memoryBytes) {
        return runtime.workers().run(() -> onWorker(runtime, source.name(), pool, timeout, memoryBytes,
                context -> context.invoke(hook, input, hookContext, traceId)), timeout);
    }

    /** Stops keeping contexts for this version; calls in progress finish normally. */
    void retire() {
        pool.retire();
    }

    int idleContexts() {
        return pool.idleCount();
    }

    private static CallOutcome onWorker(JavaScriptRuntime runtime, String name, ContextPool pool, Duration timeout,
            long memoryBytes, Function<ScriptContext, String> call) {
        ScriptContext context;
        try {
            context = pool.borrow();
        } catch (PolyglotException e) {
            return new Failed(FailureKind.INTERNAL, "cannot prepare a context", ScriptFailures.location(name, e),
                    String.valueOf(e.getMessage()));
        }
        Watch watch = runtime.workers().watchdog().arm(context.polyglotContext(), timeout.toNanos(), memoryBytes);
        try {
            String value = call.apply(context);
            if (watch.disarm() == null) {
                pool.giveBack(context);
            } else {
                context.close();
            }
            return new Returned(value);
        } catch (PolyglotException e) {
            Failed failed = ScriptFailures.describe(name, null, e);
            FailureKind cancelledFor = watch.disarm();
            context.close();
            return cancelledFor == null ? failed
                    : new Failed(cancelledFor, cancelledFor.label(), failed.location(), "");
        } catch (RuntimeException e) {
            watch.disarm();
            context.close();
            return Failed.of(FailureKind.INTERNAL, "host failure: " + e.getClass().getSimpleName());
        }
    }

    /** What loading a script file produced. */
    sealed interface LoadResult {
        record Loaded(CompiledScript script) implements LoadResult {
            public Loaded {
                requireNonNull(script, "script is null");
            }
        }

        record Failure(ScriptProblem problem) implements LoadResult {
            public Failure {
                requireNonNull(problem, "problem is null");
            }
        }
    }
}
