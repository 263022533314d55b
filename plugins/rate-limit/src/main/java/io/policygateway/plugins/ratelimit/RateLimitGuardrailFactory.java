package io.policygateway.plugins.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The {@code rate-limit} plugin. Config keys and defaults are in {@link RateLimitSettings} and the
 * plugin README. Each instance keeps its own buckets in memory (per gateway process).
 */
@Extension
public final class RateLimitGuardrailFactory implements GuardrailFactory {

    @Override
    public String id() {
        return "rate-limit";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST);
    }

    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        RateLimitSettings settings = RateLimitSettings.from(config);
        TimeMeter time = CallerBuckets.timeOf(context.clock());
        return new RateLimitGuardrail(settings, new BucketTable(settings.maxKeys(), () -> CallerBuckets.create(settings, time)));
    }
}
