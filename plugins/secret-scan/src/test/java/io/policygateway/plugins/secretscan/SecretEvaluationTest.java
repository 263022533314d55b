package io.policygateway.plugins.secretscan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures the detector on the shared labelled set: runs it over {@code secrets.jsonl}, writes the
 * predictions to {@code target/eval/secret-predictions.jsonl} (UTF-16 offsets), scores them with the
 * set's {@code score.py} and prints the report. The set is read from {@code $GUARDRAIL_EVAL_DIR}
 * (or the system property {@code guardrail.eval.dir}), default {@code /work/shared/guardrail-eval};
 * the test is skipped, saying why, when the set or {@code python3} is missing.
 *
 * <p>Run alone: {@code mvn -pl plugins/secret-scan -am verify -Dgroups=eval}.
 */
@Tag("eval")
class SecretEvaluationTest {
    private static final double TARGET_F1 = 0.95;

    @Test
    void everySecretTypeTogetherReachesTheTargetF1OnTheLabelledSet() throws Exception {
        Path directory = evaluationDirectory();
        Path gold = directory.resolve("secrets.jsonl");
        Path scorer = directory.resolve("score.py");
        skipUnless(Files.isRegularFile(gold) && Files.isRegularFile(scorer),
                "evaluation set not found in " + directory + " (set GUARDRAIL_EVAL_DIR)");
        skipUnless(python3Available(), "python3 is not installed");

        SecretDetector detector = SecretDetector.allTypes();
        List<String> predictions = new ArrayList<>();
        for (String line : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = TestPluginContext.JSON.readTree(line);
            String text = row.path("text").asText();
            ObjectNode prediction = TestPluginContext.JSON.createObjectNode().put("id", row.path("id").asText());
            ArrayNode entities = prediction.putArray("entities");
            for (SecretSpan span : detector.detect(text)) {
                entities.addObject().put("type", span.type().id()).put("start", span.start()).put("end", span.end());
            }
            predictions.add(TestPluginContext.JSON.writeValueAsString(prediction));
        }
        Path output = Files.createDirectories(Path.of("target", "eval"));
        Path predicted = Files.write(output.resolve("secret-predictions.jsonl"), predictions, StandardCharsets.UTF_8);

        String report = score(scorer, gold, predicted, output.resolve("secret-report.json"));
        System.out.println("secret-scan on " + gold + ":\n" + report);

        String last = report.strip().lines().reduce((first, second) -> second).orElse("");
        assertTrue(last.startsWith("overall_f1="), report);
        double overall = Double.parseDouble(last.substring("overall_f1=".length()));
        assertTrue(overall >= TARGET_F1, "overall F1 " + overall + " is below " + TARGET_F1 + "\n" + report);
    }

    static Path evaluationDirectory() {
        String configured = System.getProperty("guardrail.eval.dir", System.getenv("GUARDRAIL_EVAL_DIR"));
        return Path.of(configured == null || configured.isBlank() ? "/work/shared/guardrail-eval" : configured);
    }

    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("secret-scan evaluation skipped: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }

    private static boolean python3Available() {
        try {
            Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String score(Path scorer, Path gold, Path predicted, Path json) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", scorer.toString(), "--gold", gold.toString(),
                "--pred", predicted.toString(), "--offsets", "utf16", "--json", json.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "score.py did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
