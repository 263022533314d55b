package io.policygateway.plugins.toxicity;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.plugins.toxicity.classifier.ToxicityAssessment;
import io.policygateway.plugins.toxicity.classifier.ToxicityClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the toxicity classifier over the shared toxicity/topic set at the default threshold, writes
 * {@code target/guardrail-eval/toxicity.predictions.jsonl} (topics left empty: the topic plugin
 * predicts those) and prints the scorer's report; read its {@code toxic} section. Reports, does
 * not gate the build: the set has no target for toxicity.
 */
class ToxicityEvalTest {

    @Test
    void reportsToxicityQualityOnTheSharedEvaluationSet() throws Exception {
        List<JsonNode> rows = EvalFiles.rows("toxicity_topic.jsonl");
        ToxicityClassifier classifier = ToxicityClassifier.standard();
        List<Map<String, Object>> predictions = new ArrayList<>();
        boolean verbose = "1".equals(System.getenv("GUARDRAIL_EVAL_VERBOSE"));
        for (JsonNode row : rows) {
            ToxicityAssessment assessment = classifier.assess(row.path("text").asText());
            boolean toxic = assessment.score() >= ToxicityConfig.DEFAULT_THRESHOLD;
            Map<String, Object> prediction = new LinkedHashMap<>();
            prediction.put("id", row.path("id").asText());
            prediction.put("labels", Map.of("toxic", toxic, "topics", List.of()));
            prediction.put("score", assessment.score());
            prediction.put("signals", assessment.labels());
            predictions.add(prediction);
            if (verbose && toxic != row.path("labels").path("toxic").asBoolean()) {
                System.out.printf("%s %s score=%.3f %s: %s%n", toxic ? "FALSE POSITIVE" : "FALSE NEGATIVE",
                        row.path("id").asText(), assessment.score(), assessment.labels(), row.path("text").asText());
            }
        }
        Path file = EvalFiles.writePredictions("toxicity.predictions.jsonl", predictions);
        EvalFiles.score("toxicity_topic.jsonl", file);
    }
}
