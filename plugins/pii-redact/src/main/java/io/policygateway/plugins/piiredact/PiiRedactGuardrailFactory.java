package io.policygateway.plugins.piiredact;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import java.time.Duration;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The {@code pii-redact} plugin, also serving policy rules of {@code guardrail.type: pii}.
 * Config keys and defaults are in {@link PiiRedactSettings} and the plugin README.
 */
@Extension
public final class PiiRedactGuardrailFactory implements GuardrailFactory {
    /** How long a reversible mapping waits for its answer before it is forgotten. */
    static final Duration MAPPING_TIME_TO_LIVE = Duration.ofMinutes(15);
    /** The most requests whose placeholders are remembered at once. */
    static final int MAPPING_CAPACITY = 10_000;

    @Override
    public String id() {
        return "pii-redact";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK, Hook.ON_ERROR);
    }

    @Override
    public Set<String> policyTypes() {
        return Set.of("pii");
    }

    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        PiiRedactSettings settings = PiiRedactSettings.from(config);
        return new PiiRedactGuardrail(settings, new PiiDetector(settings.types()),
                new ReversibleMappings(context.clock(), MAPPING_TIME_TO_LIVE, MAPPING_CAPACITY));
    }
}
