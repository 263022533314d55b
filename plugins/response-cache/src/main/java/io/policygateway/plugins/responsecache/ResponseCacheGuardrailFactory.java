package io.policygateway.plugins.responsecache;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The {@code response-cache} plugin. Config keys and defaults are in {@link ResponseCacheSettings}
 * and the plugin README. Each instance holds its own answers in memory.
 */
@Extension
public final class ResponseCacheGuardrailFactory implements GuardrailFactory {

    @Override
    public String id() {
        return "response-cache";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST);
    }

    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        ResponseCacheSettings settings = ResponseCacheSettings.from(config);
        CacheMetrics metrics = new CacheMetrics(context.metrics());
        ResponseStore store = new ResponseStore(settings.maxEntries(), settings.ttl(), context.clock(), metrics::entriesChanged);
        return new ResponseCacheGuardrail(settings, store, context.json(), metrics);
    }
}
