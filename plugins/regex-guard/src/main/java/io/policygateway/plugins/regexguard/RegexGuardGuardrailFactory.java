package io.policygateway.plugins.regexguard;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The {@code regex-guard} plugin, also serving policy rules of {@code guardrail.type: regex}.
 * Config keys and defaults are in {@link RegexGuardSettings} and the plugin README. Patterns are
 * compiled here, once.
 */
@Extension
public final class RegexGuardGuardrailFactory implements GuardrailFactory {

    @Override
    public String id() {
        return "regex-guard";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK);
    }

    @Override
    public Set<String> policyTypes() {
        return Set.of("regex");
    }

    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        RegexGuardSettings settings = RegexGuardSettings.from(config);
        RegexScanner scanner = new RegexScanner(settings.rules(), settings.scanChunk(), settings.scanOverlap(),
                RegexGuardSettings.BUDGET_PER_CHARACTER);
        return new RegexGuardGuardrail(scanner, settings.streamWindow(), settings.streamMode());
    }
}
