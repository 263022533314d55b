package io.policygateway.plugins.topic.classifier;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classifier's answer for one text.
 *
 * @param scores every topic (built-in wire name or custom name) with a score above zero, 0..1
 * @param threshold the score at which a topic counts as present
 */
public record TopicAssessment(Map<String, Double> scores, double threshold) {
    public TopicAssessment {
        scores = Map.copyOf(scores);
    }

    /** The built-in topics present. */
    public Set<Topic> topics() {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (Topic topic : Topic.values()) {
            if (scores.getOrDefault(topic.wireName(), 0.0) >= threshold) {
                topics.add(topic);
            }
        }
        return topics;
    }

    /** Every topic present, built-in and custom, by name. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        scores.forEach((name, score) -> {
            if (score >= threshold) {
                names.add(name);
            }
        });
        return names;
    }

    /** The scores of the topics present, for decision details. */
    public Map<String, Double> presentScores() {
        Map<String, Double> present = new LinkedHashMap<>();
        names().forEach(name -> present.put(name, scores.get(name)));
        return present;
    }
}
