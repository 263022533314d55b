package io.policygateway.plugins.topic.classifier;

import java.util.Optional;

/** The built-in topics. */
public enum Topic {
    POLITICS("politics"),
    MEDICAL_ADVICE("medical_advice"),
    LEGAL_ADVICE("legal_advice"),
    FINANCIAL_ADVICE("financial_advice"),
    VIOLENCE("violence"),
    SELF_HARM("self_harm"),
    WEAPONS("weapons");

    private final String wireName;

    Topic(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Topic> fromWireName(String name) {
        for (Topic topic : values()) {
            if (topic.wireName.equals(name)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }

    /** Whether the topic is about getting advice (a question raises its score). */
    boolean isAdvice() {
        return this == MEDICAL_ADVICE || this == LEGAL_ADVICE || this == FINANCIAL_ADVICE;
    }
}
