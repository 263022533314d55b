package io.policygateway.plugins.toxicity.classifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases written for this project before the shared evaluation set was scored, and never used for
 * tuning: insults, threats and group attacks, and the hard negatives (reported insults, idioms,
 * self-deprecation, criticism of ideas, game talk). Prints the accuracy; the README reports it.
 */
class HeldOutCasesTest {

    private record Case(boolean toxic, String text) {
    }

    private static final List<Case> CASES = List.of(
            new Case(true, "You're a complete waste of oxygen, nobody at this company can stand you."),
            new Case(true, "Listen here, moron, fix the report before lunch."),
            new Case(true, "My neighbour is a filthy rat and everyone on the street knows it."),
            new Case(true, "I swear I'll smash your face in if you touch my car again."),
            new Case(true, "Immigrants are parasites who should all be thrown out."),
            new Case(true, "Shut the hell up, nobody asked for your opinion, clown."),
            new Case(true, "What a pathetic loser you are, crying over a video game."),
            new Case(true, "Go jump off a bridge, seriously, the world would be better without you."),
            new Case(true, "Your sister is an ugly cow."),
            new Case(true, "People like you are the reason this country is garbage, you brainless sheep."),
            new Case(false, "My coworker called me an idiot in the meeting today; how should I respond?"),
            new Case(false, "This deadline is killing me, I need more coffee."),
            new Case(false, "Honestly, that proposal is the dumbest idea I've heard all year."),
            new Case(false, "I'm such a klutz, I dropped my phone again."),
            new Case(false, "The boss fight in Elden Ring absolutely destroyed me last night."),
            new Case(false, "Damn, this recipe turned out amazing!"),
            new Case(false, "Can you explain why the word 'moron' is considered offensive?"),
            new Case(false, "Break a leg at your audition tomorrow!"),
            new Case(false, "The critics slammed the movie as lazy and boring."),
            new Case(false, "I think your argument ignores the cost of housing entirely."));

    @Test
    void classifiesMostHeldOutCasesCorrectly() {
        ToxicityClassifier classifier = ToxicityClassifier.standard();
        int correct = 0;
        for (Case example : CASES) {
            ToxicityAssessment assessment = classifier.assess(example.text());
            boolean flagged = assessment.score() >= 0.5;
            if (flagged == example.toxic()) {
                correct++;
            } else {
                System.out.printf("held-out miss (%s, score %.3f %s): %s%n", example.toxic() ? "toxic" : "non-toxic",
                        assessment.score(), assessment.labels(), example.text());
            }
        }
        double accuracy = (double) correct / CASES.size();
        System.out.printf("toxicity held-out accuracy: %d/%d (%.1f%%)%n", correct, CASES.size(), 100 * accuracy);
        assertTrue(accuracy >= 0.75, "held-out accuracy " + accuracy + " is below 0.75");
    }
}
