package io.policygateway.plugins.toxicity.classifier;

import java.util.Optional;

/** The kinds of toxic language the classifier recognises. */
public enum ToxicityCategory {
    /** Insults and put-downs aimed at a person ("you idiot", "my landlord is a pig"). */
    INSULT("insult"),
    /** Attacks on a group for who they are, including slurs and dehumanising language. */
    IDENTITY_ATTACK("identity_attack"),
    /** Threats of violence or harm against a person. */
    THREAT("threat"),
    /** Harassment: telling someone to shut up, get lost or hurt themselves; profanity aimed at them. */
    HARASSMENT("harassment"),
    /** Unwanted sexual remarks or demands aimed at a person. */
    SEXUAL_HARASSMENT("sexual_harassment");

    private final String wireName;

    ToxicityCategory(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ToxicityCategory> fromWireName(String name) {
        for (ToxicityCategory category : values()) {
            if (category.wireName.equals(name)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
