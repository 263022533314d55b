package io.policygateway.plugins.maxtoken;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The {@code max-token} plugin. Config keys and defaults are in {@link MaxTokenSettings} and the
 * plugin README. The tokenizers are loaded here, once per instance.
 */
@Extension
public final class MaxTokenGuardrailFactory implements GuardrailFactory {

    @Override
    public String id() {
        return "max-token";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST);
    }

    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        return new MaxTokenGuardrail(MaxTokenSettings.from(config), new TokenCounter());
    }
}
