package io.policygateway.plugins.secretscan;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The {@code secret-scan} plugin, also serving policy rules of {@code guardrail.type: secret-detection}.
 * Config keys and defaults are in {@link SecretScanSettings} and the plugin README.
 */
@Extension
public final class SecretScanGuardrailFactory implements GuardrailFactory {

    @Override
    public String id() {
        return "secret-scan";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK);
    }

    @Override
    public Set<String> policyTypes() {
        return Set.of("secret-detection");
    }

    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        SecretScanSettings settings = SecretScanSettings.from(config);
        return new SecretScanGuardrail(settings, new SecretDetector(settings.types()));
    }
}
