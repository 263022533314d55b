package io.policygateway.plugins.secretscan;

import java.util.Locale;
import java.util.Optional;

/** The kinds of credentials the scanner knows. */
public enum SecretType {
    AWS_ACCESS_KEY_ID("aws_access_key_id", "AWS_ACCESS_KEY_ID"),
    AWS_SECRET_ACCESS_KEY("aws_secret_access_key", "AWS_SECRET_ACCESS_KEY"),
    GITHUB_TOKEN("github_token", "GITHUB_TOKEN"),
    SLACK_TOKEN("slack_token", "SLACK_TOKEN"),
    STRIPE_KEY("stripe_key", "STRIPE_KEY"),
    OPENAI_KEY("openai_key", "OPENAI_KEY"),
    ANTHROPIC_KEY("anthropic_key", "ANTHROPIC_KEY"),
    GOOGLE_API_KEY("google_api_key", "GOOGLE_API_KEY"),
    PRIVATE_KEY("private_key", "PRIVATE_KEY"),
    JWT("jwt", "JWT"),
    PASSWORD_IN_URL("password_in_url", "PASSWORD_IN_URL"),
    GENERIC_SECRET("generic_secret", "SECRET");

    private final String id;
    private final String label;

    SecretType(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The type name in spans, verdict details and the evaluation files, e.g. {@code github_token}. */
    public String id() {
        return id;
    }

    /** The placeholder label, e.g. {@code GITHUB_TOKEN} in {@code [GITHUB_TOKEN_1]}; {@code SECRET} for generic secrets. */
    public String label() {
        return label;
    }

    /** The type a config category names: the id, its hyphenated form, or {@code secret} for generic secrets. */
    public static Optional<SecretType> fromCategory(String category) {
        String name = category.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (name.equals("secret") || name.equals("generic")) {
            return Optional.of(GENERIC_SECRET);
        }
        for (SecretType type : values()) {
            if (type.id.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
