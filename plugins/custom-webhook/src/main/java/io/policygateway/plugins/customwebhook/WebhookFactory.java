package io.policygateway.plugins.customwebhook;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import java.util.Set;
import org.pf4j.Extension;

/** The {@code custom-webhook} guardrail (policy type {@code custom-webhook}). */
@Extension
public final class WebhookFactory implements GuardrailFactory {

    @Override
    public String id() {
        return "custom-webhook";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK);
    }

    @Override
    public Set<String> policyTypes() {
        return Set.of("custom-webhook");
    }

    /** Validates the config and reads the signing secret from the environment; never on the request path. */
    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        WebhookConfig settings = WebhookConfig.from(config, context);
        return new WebhookGuardrail(settings, new WebhookClient(context.http(), context.json(), settings), context.json(),
                context.clock());
    }
}
