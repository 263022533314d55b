package io.policygateway.plugins.ratelimit;

import io.policygateway.api.guardrail.GuardrailRequest;
import java.util.Optional;

/** One dimension a rate limit is kept per ({@code key_by}); a request without a value counts as {@code -}. */
enum KeyPart {
    /** The gateway key (or JWT subject) that authenticated the call. */
    KEY("key"),
    /** The project the request belongs to. */
    PROJECT("project"),
    /** The end user ({@code X-Policy-User}). */
    USER("user"),
    /** The requested model, aliases resolved. */
    MODEL("model");

    static final String NONE = "-";

    private final String configName;

    KeyPart(String configName) {
        this.configName = configName;
    }

    String configName() {
        return configName;
    }

    static Optional<KeyPart> fromConfigName(String name) {
        for (KeyPart part : values()) {
            if (part.configName.equals(name)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }

    /** This dimension's value for a request. */
    String valueOf(GuardrailRequest request) {
        Optional<String> value = switch (this) {
            case KEY -> request.context().keyName();
            case PROJECT -> request.context().project();
            case USER -> request.context().user();
            case MODEL -> Optional.of(request.model()).filter(model -> !model.isEmpty());
        };
        return value.orElse(NONE);
    }
}
