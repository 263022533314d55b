package io.policygateway.plugins.wordfilter;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import java.util.Set;
import org.pf4j.Extension;

/** The {@code word-filter} plugin. Config keys and defaults are in {@link WordFilterSettings} and the README. */
@Extension
public final class WordFilterGuardrailFactory implements GuardrailFactory {

    @Override
    public String id() {
        return "word-filter";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK);
    }

    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        WordFilterSettings settings = WordFilterSettings.from(config, context.home());
        return new WordFilterGuardrail(settings,
                new BannedWords(settings.terms(), settings.leetspeak(), settings.wholeWords()));
    }
}
