package io.policygateway.plugins.piiredact.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Verdict;
import io.policygateway.plugins.maxtoken.MaxTokenGuardrailFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ContentGuardrailsBenchmark} and prints microseconds per request, two ways: JMH
 * (wall-clock average, forked JVM) and a bounded loop reading the thread's CPU time, which stays
 * meaningful on a machine shared with other builds. Tagged {@code benchmark}, excluded from the
 * normal build (about three minutes); run it with
 * {@code mvn -pl plugins/pii-redact -am verify -Dgroups=benchmark -DexcludedGroups=none}.
 */
class ContentGuardrailsBenchmarkTest {

    @Test
    void theBenchmarkedPromptIsAboutAThousandTokensAndTheChainDecidesAsExpected() throws Exception {
        ContentGuardrailsBenchmark benchmark = new ContentGuardrailsBenchmark();
        benchmark.setUp();
        assertEquals(Decision.ALLOW, benchmark.chain().decision());
        assertEquals(Decision.ALLOW, benchmark.maxTokenExact().decision());
        assertEquals(Decision.REWRITE, benchmark.piiRedactRewriting().decision());
        Verdict counted = ContentGuardrailsBenchmark.create(new MaxTokenGuardrailFactory(), "{\"maxInputTokens\": 1}",
                new ContentGuardrailsBenchmark.BenchmarkContext()).beforeRequest(ContentGuardrailsBenchmark.request(BenchmarkPrompt.CLEAN));
        long count = (Long) counted.details().get("actual");
        System.out.println("benchmark prompt: " + count + " input tokens (o200k_base, with message framing)");
        assertTrue(count >= 900 && count <= 1100, "prompt has " + count + " tokens");
    }

    @Test
    @Tag("benchmark")
    void measuresCpuMicrosecondsPerRequestInABoundedLoop() throws Exception {
        ContentGuardrailsBenchmark benchmark = new ContentGuardrailsBenchmark();
        benchmark.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("\nContent guardrails on a ~1,000-token request (CPU µs per request, best of 5 rounds of 2,000):");
        for (String name : List.of("wordFilter", "piiRedact", "piiRedactRewriting", "secretScan", "maxToken", "maxTokenExact",
                "chain", "chainWithPii", "chainCountingTokens")) {
            Method method = ContentGuardrailsBenchmark.class.getMethod(name);
            for (int i = 0; i < 5_000; i++) {
                method.invoke(benchmark);
            }
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long started = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 2_000; i++) {
                    method.invoke(benchmark);
                }
                best = Math.min(best, (threads.getCurrentThreadCpuTime() - started) / 1_000.0 / 2_000);
            }
            System.out.printf("  %-22s %8.1f%n", name, best);
            assertTrue(best > 0);
        }
    }

    @Test
    @Tag("benchmark")
    void measuresMicrosecondsPerRequestWithJmh() throws Exception {
        Options options = new OptionsBuilder().include(ContentGuardrailsBenchmark.class.getName()).build();
        Collection<RunResult> results = new Runner(options).run();
        assertFalse(results.isEmpty());
        System.out.println("\nContent guardrails on a ~1,000-token request (µs per request, average):");
        for (RunResult result : results) {
            System.out.printf("  %-22s %8.1f ± %.1f%n", result.getParams().getBenchmark().replaceAll(".*\\.", ""),
                    result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError());
        }
    }
}
