package io.policygateway.plugins.toxicity.classifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Insult and threat words used about things, oneself, or fiction must mostly pass. */
class NonToxicTextTest {

    @Test
    void leavesUntargetedRoughLanguageAlone() throws IOException {
        List<String> sentences;
        try (InputStream in = NonToxicTextTest.class.getResourceAsStream("/non-toxic.txt")) {
            sentences = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
        ToxicityClassifier classifier = ToxicityClassifier.standard();
        int flagged = 0;
        for (String sentence : sentences) {
            ToxicityAssessment assessment = classifier.assess(sentence);
            if (assessment.score() >= 0.5) {
                flagged++;
                System.out.printf("non-toxic sentence flagged (%.3f %s): %s%n", assessment.score(), assessment.labels(), sentence);
            }
        }
        System.out.printf("toxicity on untargeted rough language: %d/%d flagged%n", flagged, sentences.size());
        assertTrue(flagged * 20 <= sentences.size(), flagged + " of " + sentences.size() + " were flagged");
    }
}
