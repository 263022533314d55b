package io.policygateway.plugins.promptshield.classifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Everyday prompts that use the vocabulary of attacks (ignore, system prompt, developer mode,
 * decode, pretend) must mostly pass: at most 5% may reach the default threshold.
 */
class BenignTrafficTest {

    @Test
    void leavesOrdinaryPromptsThatShareAttackVocabularyAlone() throws IOException {
        List<String> prompts;
        try (InputStream in = BenignTrafficTest.class.getResourceAsStream("/benign-traffic.txt")) {
            prompts = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.replace("\\n", "\n"))
                    .toList();
        }
        InjectionClassifier classifier = InjectionClassifier.standard();
        int flagged = 0;
        for (String prompt : prompts) {
            InjectionAssessment assessment = classifier.assess(prompt, Provenance.USER);
            if (assessment.score() >= 0.5) {
                flagged++;
                System.out.printf("benign prompt flagged (score %.3f %s): %s%n", assessment.score(),
                        assessment.signals().stream().map(Signal::label).toList(), prompt);
            }
        }
        System.out.printf("prompt-shield on everyday prompts: %d/%d flagged%n", flagged, prompts.size());
        assertTrue(flagged * 20 <= prompts.size(), flagged + " of " + prompts.size() + " everyday prompts were flagged");
    }
}
