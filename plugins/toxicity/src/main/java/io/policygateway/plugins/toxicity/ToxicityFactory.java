package io.policygateway.plugins.toxicity;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import io.policygateway.plugins.toxicity.classifier.ToxicityClassifier;
import java.util.Set;
import org.pf4j.Extension;

/** The {@code toxicity} guardrail (policy type {@code toxicity}), on requests, responses and streams. */
@Extension
public final class ToxicityFactory implements GuardrailFactory {

    @Override
    public String id() {
        return "toxicity";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK);
    }

    @Override
    public Set<String> policyTypes() {
        return Set.of("toxicity");
    }

    /** Validates the config and compiles the rules; never called on the request path. */
    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        ToxicityConfig settings = ToxicityConfig.from(config);
        return new ToxicityGuardrail(settings, ToxicityClassifier.create(settings.categories()));
    }
}
