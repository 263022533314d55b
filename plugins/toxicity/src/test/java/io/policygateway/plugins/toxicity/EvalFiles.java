package io.policygateway.plugins.toxicity;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access to the shared labelled evaluation set and its scorer: the folder comes from
 * {@code GUARDRAIL_EVAL_DIR} (default {@code /work/shared/guardrail-eval}); tests are skipped with
 * the reason printed when the folder, the file or {@code python3} is missing.
 */
final class EvalFiles {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OVERALL = Pattern.compile("overall_f1=([0-9.]+)");

    private EvalFiles() {
    }

    static Path directory() {
        String configured = System.getenv("GUARDRAIL_EVAL_DIR");
        return Path.of(configured == null || configured.isBlank() ? "/work/shared/guardrail-eval" : configured);
    }

    /** The rows of a labelled file, or a skipped test when it is not there. */
    static List<JsonNode> rows(String fileName) throws IOException {
        Path file = directory().resolve(fileName);
        if (!Files.isReadable(file)) {
            System.out.println("SKIPPED: " + file + " is not readable (set GUARDRAIL_EVAL_DIR to the evaluation folder)");
        }
        assumeTrue(Files.isReadable(file), file + " is not readable");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    /** Writes predictions as JSON Lines under {@code target/guardrail-eval/}. */
    static Path writePredictions(String fileName, List<? extends Object> predictions) throws IOException {
        Path folder = Path.of("target", "guardrail-eval");
        Files.createDirectories(folder);
        Path file = folder.resolve(fileName);
        StringBuilder out = new StringBuilder();
        for (Object prediction : predictions) {
            out.append(JSON.writeValueAsString(prediction)).append('\n');
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** Runs {@code python3 score.py gold predictions}, prints its report and returns it. */
    static String score(String goldFileName, Path predictions) throws IOException, InterruptedException {
        Path scorer = directory().resolve("score.py");
        assumeTrue(Files.isReadable(scorer), scorer + " is not readable");
        Process process;
        try {
            process = new ProcessBuilder("python3", scorer.toString(), "--gold", directory().resolve(goldFileName).toString(),
                    "--pred", predictions.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("SKIPPED: python3 is not available: " + e.getMessage());
            assumeTrue(false, "python3 is not available");
            throw e;
        }
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("score.py did not finish within 60 s");
        }
        System.out.println(report);
        return report;
    }

    static double overallF1(String report) {
        Matcher matcher = OVERALL.matcher(report);
        if (!matcher.find()) {
            throw new IllegalStateException("no overall_f1 line in the scorer's report");
        }
        return Double.parseDouble(matcher.group(1));
    }
}
