package io.policygateway.api.guardrail;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Creates guardrail instances. A guardrail is configured either from the {@code plugins:} list
 * ({@code name}, {@code stage}, {@code config}) or from an {@code AIGatewayPolicy} rule of
 * {@code kind: guardrail} whose {@code guardrail.type} is one of {@link #policyTypes()}. In the
 * second case the config holds {@code categories} (list of strings) and {@code action}
 * ({@code allow|redact|block|warn|log-only}) from the rule, plus the rule's optional
 * {@code config} object. Factories must accept those keys.
 */
public interface GuardrailFactory extends ExtensionPoint {

    /** The plugin name in the {@code plugins:} list, e.g. {@code pii-redact}. */
    String id();

    /** The hooks instances implement. */
    Set<Hook> hooks();

    /** The {@code guardrail.type} values of seed 003 this guardrail implements, e.g. {@code pii}. */
    default Set<String> policyTypes() {
        return Set.of();
    }

    /**
     * Validates the config and builds an instance. Called at start and on reload, never on the
     * request path: compile patterns and load lexicons here.
     *
     * @throws io.policygateway.api.ConfigException when the config is invalid
     */
    Guardrail create(PluginConfig config, PluginContext context);
}
