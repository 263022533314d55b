package io.policygateway.plugins.topic;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import io.policygateway.plugins.topic.classifier.TopicClassifier;
import java.util.Set;
import org.pf4j.Extension;

/** The {@code topic} guardrail (policy type {@code topic}), on requests, responses and streams. */
@Extension
public final class TopicFactory implements GuardrailFactory {

    @Override
    public String id() {
        return "topic";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK);
    }

    @Override
    public Set<String> policyTypes() {
        return Set.of("topic");
    }

    /** Validates the config and builds the term index; never called on the request path. */
    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        TopicConfig settings = TopicConfig.from(config);
        return new TopicGuardrail(settings, TopicClassifier.create(settings.customTopics(), settings.threshold()));
    }
}
