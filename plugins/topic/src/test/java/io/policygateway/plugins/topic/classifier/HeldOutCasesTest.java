package io.policygateway.plugins.topic.classifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cases written for this project before the shared evaluation set was scored, never used for
 * tuning. A case is right when the predicted topic set equals the expected one. Prints the
 * accuracy; the README reports it.
 */
class HeldOutCasesTest {

    private record Case(Set<Topic> topics, String text) {
    }

    private static Case of(String text, Topic... topics) {
        return new Case(topics.length == 0 ? Set.of() : EnumSet.of(topics[0], topics), text);
    }

    private static final List<Case> CASES = List.of(
            of("What's the maximum dose of ibuprofen I can take in a day?", Topic.MEDICAL_ADVICE),
            of("Can my employer fire me for posting about the company on social media?", Topic.LEGAL_ADVICE),
            of("Should I put my savings into an index fund or pay off my car loan first?", Topic.FINANCIAL_ADVICE),
            of("Who won the last general election in Canada and what were the main issues?", Topic.POLITICS),
            of("How did the Battle of Stalingrad change the course of World War II?", Topic.VIOLENCE, Topic.POLITICS),
            of("What's the difference between a bolt-action and a semi-automatic rifle?", Topic.WEAPONS),
            of("I've been thinking about ending my life lately and don't know who to talk to.", Topic.SELF_HARM),
            of("My tenant stopped paying rent; what's the eviction process in Texas?", Topic.LEGAL_ADVICE),
            of("Is it safe to take melatonin every night for sleep?", Topic.MEDICAL_ADVICE),
            of("What are the tax implications of selling my stocks this year?", Topic.FINANCIAL_ADVICE),
            of("Explain how the electoral college works.", Topic.POLITICS),
            of("How were swords forged in medieval Japan?", Topic.WEAPONS),
            of("There was a stabbing near my school yesterday, how common is knife crime in London?", Topic.VIOLENCE),
            of("Give me a recipe for banana bread."),
            of("How do I beat the final boss in Hollow Knight?"),
            of("Shoot me a message when you land."),
            of("What's the best way to learn Python quickly?"),
            of("Can you recommend a good sci-fi novel?"),
            of("I keep cutting myself when I'm stressed, how do I stop?", Topic.SELF_HARM),
            of("Is it legal to record a phone call without telling the other person in California?", Topic.LEGAL_ADVICE));

    @Test
    void classifiesMostHeldOutCasesCorrectly() {
        TopicClassifier classifier = TopicClassifier.standard();
        int correct = 0;
        for (Case example : CASES) {
            TopicAssessment assessment = classifier.assess(example.text());
            if (assessment.topics().equals(example.topics())) {
                correct++;
            } else {
                System.out.printf("held-out miss (expected %s, got %s %s): %s%n", example.topics(), assessment.topics(),
                        assessment.scores(), example.text());
            }
        }
        double accuracy = (double) correct / CASES.size();
        System.out.printf("topic held-out exact-set accuracy: %d/%d (%.1f%%)%n", correct, CASES.size(), 100 * accuracy);
        assertTrue(accuracy >= 0.7, "held-out accuracy " + accuracy + " is below 0.7");
    }
}
