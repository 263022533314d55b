package io.policygateway.plugins.topic;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.plugins.topic.classifier.TopicAssessment;
import io.policygateway.plugins.topic.classifier.TopicClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the topic classifier over the shared toxicity/topic set at the default threshold, writes
 * {@code target/guardrail-eval/topic.predictions.jsonl} (toxic left false: the toxicity plugin
 * predicts that) and prints the scorer's report; read its topic section. Reports, does not gate
 * the build: the set has no target for topics.
 */
class TopicEvalTest {

    @Test
    void reportsTopicQualityOnTheSharedEvaluationSet() throws Exception {
        List<JsonNode> rows = EvalFiles.rows("toxicity_topic.jsonl");
        TopicClassifier classifier = TopicClassifier.standard();
        List<Map<String, Object>> predictions = new ArrayList<>();
        boolean verbose = "1".equals(System.getenv("GUARDRAIL_EVAL_VERBOSE"));
        for (JsonNode row : rows) {
            TopicAssessment assessment = classifier.assess(row.path("text").asText());
            Map<String, Object> prediction = new LinkedHashMap<>();
            prediction.put("id", row.path("id").asText());
            prediction.put("labels", Map.of("toxic", false, "topics", List.copyOf(assessment.names())));
            prediction.put("scores", assessment.scores());
            predictions.add(prediction);
            if (verbose) {
                System.out.printf("%s %s %s: %s%n", row.path("id").asText(), assessment.names(),
                        row.path("labels").path("topics"), row.path("text").asText());
            }
        }
        Path file = EvalFiles.writePredictions("topic.predictions.jsonl", predictions);
        EvalFiles.score("toxicity_topic.jsonl", file);
    }
}
