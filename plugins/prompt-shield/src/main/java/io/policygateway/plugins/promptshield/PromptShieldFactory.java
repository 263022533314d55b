package io.policygateway.plugins.promptshield;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import io.policygateway.plugins.promptshield.classifier.InjectionClassifier;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The {@code prompt-shield} guardrail (policy types {@code prompt-injection} and {@code jailbreak}):
 * scores prompt-injection and jailbreak attempts before the request goes upstream.
 */
@Extension
public final class PromptShieldFactory implements GuardrailFactory {

    @Override
    public String id() {
        return "prompt-shield";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST);
    }

    @Override
    public Set<String> policyTypes() {
        return Set.of("prompt-injection", "jailbreak");
    }

    /** Validates the config and compiles every rule (about 30 ms); never called on the request path. */
    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        PromptShieldConfig settings = PromptShieldConfig.from(config);
        return new PromptShieldGuardrail(settings, InjectionClassifier.create(settings.families()));
    }
}
