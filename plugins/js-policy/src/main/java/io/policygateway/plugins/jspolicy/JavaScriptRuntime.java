package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one GraalJS engine of this plugin, the sandbox every script context is built with, and the
 * worker threads scripts run on. Created on first use and shared by every script and guardrail,
 * so parsed sources are cached once. Thread-safe.
 *
 * <p>The sandbox: no host access of any kind (no Java classes, files, sockets, processes,
 * environment, threads, native code or polyglot bindings), no {@code eval}, no
 * {@code load}/{@code print}/{@code console}/{@code Graal}/{@code Polyglot}/{@code Java} globals,
 * no {@code Intl}, {@code SharedArrayBuffer} or legacy {@code RegExp.$1} statics, strings of at most {@link #STRING_LENGTH_LIMIT} characters and typed arrays of at most
 * {@link #TYPED_ARRAY_LENGTH_LIMIT} elements. The {@code TRUSTED} policy is used with every
 * privilege denied explicitly because {@code CONSTRAINED} refuses the two length limits, without
 * which a single {@code 'x'.repeat(1e9)} allocates a gigabyte before any watchdog can react.
 */
final class JavaScriptRuntime {
    static final int STRING_LENGTH_LIMIT = 8_000_000;
    static final int TYPED_ARRAY_LENGTH_LIMIT = 8_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(JavaScriptRuntime.class);
    private static final Map<String, String> CONTEXT_OPTIONS = Map.ofEntries(
            Map.entry("js.load", "false"),
            Map.entry("js.print", "false"),
            Map.entry("js.console", "false"),
            Map.entry("js.graal-builtin", "false"),
            Map.entry("js.polyglot-builtin", "false"),
            Map.entry("js.java-package-globals", "false"),
            Map.entry("js.global-arguments", "false"),
            Map.entry("js.allow-eval", "false"),
            Map.entry("js.regexp-static-result", "false"),
            Map.entry("js.intl-402", "false"),
            Map.entry("js.shared-array-buffer", "false"),
            Map.entry("js.string-length-limit", Integer.toString(STRING_LENGTH_LIMIT)),
            Map.entry("js.max-typed-array-length", Integer.toString(TYPED_ARRAY_LENGTH_LIMIT)));
    private static final Object LOCK = new Object();
    private static volatile JavaScriptRuntime shared;

    private final Engine engine;
    private final Source sandboxSource;
    private final boolean optimizing;
    private final ScriptWorkers workers;

    private JavaScriptRuntime(Engine engine, Source sandboxSource, ScriptWorkers workers) {
        this.engine = requireNonNull(engine, "engine is null");
        this.sandboxSource = requireNonNull(sandboxSource, "sandboxSource is null");
        this.workers = requireNonNull(workers, "workers is null");
        this.optimizing = !engine.getImplementationName().equalsIgnoreCase("Interpreted");
    }

    /** The shared runtime, created (and its mode logged) on first call. */
    static JavaScriptRuntime shared() {
        JavaScriptRuntime runtime = shared;
        if (runtime == null) {
            synchronized (LOCK) {
                runtime = shared;
                if (runtime == null) {
                    runtime = create();
                    shared = runtime;
                }
            }
        }
        return runtime;
    }

    private static JavaScriptRuntime create() {
        long started = System.nanoTime();
        Engine engine = Engine.newBuilder("js")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        JavaScriptRuntime runtime = new JavaScriptRuntime(engine,
                Source.newBuilder("js", resource("sandbox.js"), "gateway-sandbox.js").cached(true).buildLiteral(),
                new ScriptWorkers(Math.max(2, Runtime.getRuntime().availableProcessors())));
        int warmUpCalls = new WarmUp(runtime, resource("warm-up.js")).run();
        LOG.info("JavaScript engine: {} (GraalJS {}, {}; started and warmed up with {} calls in {} ms)",
                runtime.optimizing ? "optimizing" : "interpreter-only", engine.getVersion(),
                engine.getImplementationName(), warmUpCalls, (System.nanoTime() - started) / 1_000_000);
        return runtime;
    }

    private static String resource(String name) {
        try (InputStream in = JavaScriptRuntime.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the js-policy plugin");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the js-policy plugin", e);
        }
    }

    /** Whether Graal's optimizing compiler is active (otherwise scripts are interpreted). */
    boolean optimizing() {
        return optimizing;
    }

    ScriptWorkers workers() {
        return workers;
    }

    /** The trusted bootstrap every new context evaluates first (see {@code sandbox.js}). */
    Source sandboxSource() {
        return sandboxSource;
    }

    /** A new, empty, fully sandboxed context on the shared engine. The caller closes it. */
    Context newContext() {
        Context.Builder builder = Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.TRUSTED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .in(InputStream.nullInputStream())
                .allowHostAccess(HostAccess.NONE)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowInnerContextOptions(false)
                .allowValueSharing(false)
                .allowExperimentalOptions(true);
        CONTEXT_OPTIONS.forEach(builder::option);
        return builder.build();
    }
}
