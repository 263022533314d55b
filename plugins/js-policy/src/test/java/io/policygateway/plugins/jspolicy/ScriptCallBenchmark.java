package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailRequest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Per-call overhead of a typical guardrail script once warm. Not part of the normal build; run with
 * {@code mvn -pl plugins/js-policy -am verify -Dbenchmark=true -Dtest=ScriptCallBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} on an otherwise idle machine. Prints microseconds per call
 * (median of five rounds) for the whole guardrail call, for the script call alone, and for the
 * JavaScript invocation alone.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ScriptCallBenchmark {
    private static final String TYPICAL = """
            const COMPETITORS = [/\\bacme\\b/i, /\\bglobex\\b/i, /\\binitech\\b/i];
            function onRequest(req, ctx) {
              for (const message of req.messages) {
                const text = typeof message.content === 'string' ? message.content : '';
                if (COMPETITORS.some((pattern) => pattern.test(text))) {
                  return { action: 'block', reason_code: 'COMPETITOR_MENTION', message: 'No competitor talk.' };
                }
              }
              return { action: 'allow' };
            }
            """;
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmupSeconds", 20));
    private static final int MEASURED_CALLS = Integer.getInteger("benchmark.calls", 50_000);
    private static final int ROUNDS = 5;

    @Test
    void measuresMicrosecondsPerCallOfATypicalGuardrail() throws Exception {
        try (PolicyFolder folder = PolicyFolder.create()) {
            folder.write("typical.js", TYPICAL);
            ObjectNode config = folder.config("typical.js");
            config.put("timeout", "1s");
            Guardrail guardrail = folder.guardrail(config);
            GuardrailRequest request = Chat.request("Can you summarise ticket OPS-1234 for our customer, in two sentences?");
            assertEquals(Decision.ALLOW, guardrail.beforeRequest(request).decision());
            CompiledScript script = ((JsGuardrail) guardrail).select().getFirst().script();
            HookInputs inputs = ((JsGuardrail) guardrail).inputs();
            String input = inputs.request(request.model(), request.body());
            String context = inputs.context(request.context(), request.model(), CompiledScript.ON_REQUEST);
            JavaScriptRuntime runtime = JavaScriptRuntime.shared();
            ScriptContext direct = ScriptContext.open(runtime, ScriptSource.of("typical.js", TYPICAL));

            long warmUntil = System.nanoTime() + WARM_UP.toNanos();
            int warmCalls = 0;
            while (System.nanoTime() < warmUntil) {
                guardrail.beforeRequest(request);
                direct.invoke(CompiledScript.ON_REQUEST, input, context, "bench");
                warmCalls++;
            }

            List<Figures> guardrailRounds = new ArrayList<>();
            List<Figures> scriptRounds = new ArrayList<>();
            List<Figures> invokeRounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                guardrailRounds.add(round(() -> guardrail.beforeRequest(request)));
                scriptRounds.add(round(() -> script.call(CompiledScript.ON_REQUEST, input, context, "bench",
                        Duration.ofSeconds(1), 64L << 20)));
                invokeRounds.add(round(() -> direct.invoke(CompiledScript.ON_REQUEST, input, context, "bench")));
            }
            Figures guardrailMicros = median(guardrailRounds);
            Figures scriptMicros = median(scriptRounds);
            Figures invokeMicros = median(invokeRounds);
            double concurrentCallsPerSecond = concurrentThroughput(guardrail, request, 16);
            direct.close();
            long contextStarted = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                ScriptContext.open(runtime, ScriptSource.of("typical.js", TYPICAL)).close();
            }
            double contextMillis = (System.nanoTime() - contextStarted) / 1e6 / 20;

            System.out.printf("JS policy benchmark (%s, %d warm-up calls, %d measured calls, %d cores)%n",
                    runtime.optimizing() ? "optimizing" : "interpreter-only", warmCalls, MEASURED_CALLS,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  guardrail.beforeRequest (JSON in/out, worker hand-off, watchdog): %s%n", guardrailMicros);
            System.out.printf("  script call (worker hand-off, watchdog, context pool):           %s%n", scriptMicros);
            System.out.printf("  JavaScript invocation alone (same thread, no limits):            %s%n", invokeMicros);
            System.out.printf("  16 virtual threads calling concurrently:                         %.0f calls/s%n",
                    concurrentCallsPerSecond);
            System.out.printf("  a fresh sandboxed context (what a new global per call would cost): %.2f ms%n",
                    contextMillis);
        }
    }

    /** Wall-clock and process CPU microseconds per call over one round (CPU time stays meaningful on a busy machine). */
    private static Figures round(Call call) throws Exception {
        com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int calls = MEASURED_CALLS / ROUNDS;
        long cpuStarted = system.getProcessCpuTime();
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        return new Figures((System.nanoTime() - started) / 1_000.0 / calls,
                (system.getProcessCpuTime() - cpuStarted) / 1_000.0 / calls);
    }

    /** The round with the median CPU time: rounds of the three measurements alternate, so a burst of other work does not decide a figure. */
    private static Figures median(List<Figures> rounds) {
        List<Figures> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(Figures::cpuMicros));
        return sorted.get(sorted.size() / 2);
    }

    private record Figures(double wallMicros, double cpuMicros) {
        @Override
        public String toString() {
            return String.format("%.1f us/call wall, %.1f us/call CPU", wallMicros, cpuMicros);
        }
    }

    private static double concurrentThroughput(Guardrail guardrail, GuardrailRequest request, int threads)
            throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            callers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < MEASURED_CALLS / threads; i++) {
                    try {
                        guardrail.beforeRequest(request);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    done.incrementAndGet();
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }
}
