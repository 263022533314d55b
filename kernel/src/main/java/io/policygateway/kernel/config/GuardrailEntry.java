package io.policygateway.kernel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the {@code plugins:} list (seed 004): a guardrail plugin by name, the stages it
 * runs at, and its own config.
 *
 * @param name the guardrail's id, e.g. {@code pii-redact}
 * @param stage one stage name or a list ({@code before_request}, {@code after_request}); default:
 *     every stage the guardrail supports
 * @param config the guardrail's own settings
 * @param enabled default true
 * @param failOpen when the guardrail itself fails or times out: true lets the request through,
 *     false (default) rejects it
 * @param timeout longest a guardrail hook may take, default 2s
 */
public record GuardrailEntry(String name, JsonNode stage, ObjectNode config, Boolean enabled, Boolean failOpen,
        Duration timeout) {
    public GuardrailEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        enabled = enabled == null || enabled;
        failOpen = failOpen != null && failOpen;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        if (stage != null && !stage.isTextual() && !stage.isArray()) {
            throw new IllegalArgumentException("stage must be a stage name or a list of them");
        }
    }

    /** The configured stage names, empty for "every stage the guardrail supports". */
    public List<String> stages() {
        List<String> names = new ArrayList<>();
        if (stage != null && stage.isTextual()) {
            names.add(stage.asText());
        } else if (stage != null) {
            stage.forEach(item -> names.add(item.asText()));
        }
        return List.copyOf(names);
    }

}
