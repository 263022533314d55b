package io.policygateway.plugins.promptshield;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A short run of {@link PromptShieldBenchmark} on every build: prints the cost per request and fails
 * only on a gross regression (the README's figure comes from the longer run).
 */
class PromptShieldCostTest {

    @Test
    void scoresAThousandTokenPromptInWellUnderAMillisecond() {
        PromptShieldBenchmark.Result result = PromptShieldBenchmark.run(1_500, 2_000);
        System.out.println(result);
        assertTrue(result.cpuMicros() < 1_000, result.cpuMicros() + " µs of CPU per request");
    }
}
