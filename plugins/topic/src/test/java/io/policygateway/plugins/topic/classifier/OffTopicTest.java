package io.policygateway.plugins.topic.classifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Everyday prompts about none of the topics (idioms, code, games included) mostly get no topic. */
class OffTopicTest {

    @Test
    void givesEverydayPromptsNoTopic() throws IOException {
        List<String> prompts;
        try (InputStream in = OffTopicTest.class.getResourceAsStream("/off-topic.txt")) {
            prompts = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
        TopicClassifier classifier = TopicClassifier.standard();
        int tagged = 0;
        for (String prompt : prompts) {
            TopicAssessment assessment = classifier.assess(prompt);
            if (!assessment.names().isEmpty()) {
                tagged++;
                System.out.printf("off-topic prompt tagged %s %s: %s%n", assessment.names(), assessment.scores(), prompt);
            }
        }
        System.out.printf("topic on everyday prompts: %d/%d tagged%n", tagged, prompts.size());
        assertTrue(tagged * 10 <= prompts.size(), tagged + " of " + prompts.size() + " were tagged");
    }
}
