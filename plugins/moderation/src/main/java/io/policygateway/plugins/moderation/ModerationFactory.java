package io.policygateway.plugins.moderation;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The {@code moderation} guardrail (policy type {@code moderation}): an OpenAI-compatible moderation
 * endpoint called through the gateway's upstream HTTP client.
 */
@Extension
public final class ModerationFactory implements GuardrailFactory {

    @Override
    public String id() {
        return "moderation";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK);
    }

    @Override
    public Set<String> policyTypes() {
        return Set.of("moderation");
    }

    /** Validates the config and reads the API key from the environment; never called on the request path. */
    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        ModerationConfig settings = ModerationConfig.from(config, context);
        return new ModerationGuardrail(settings, new ModerationClient(context.http(), context.json(), settings.endpoint(),
                settings.apiKey(), settings.model(), settings.timeout()));
    }
}
