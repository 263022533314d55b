package io.policygateway.plugins.schemaguard;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import java.util.Set;
import org.pf4j.Extension;

/** The {@code schema-guard} guardrail: JSON Schema validation of the model's answers, whole or streamed. */
@Extension
public final class SchemaGuardFactory implements GuardrailFactory {

    @Override
    public String id() {
        return "schema-guard";
    }

    @Override
    public Set<Hook> hooks() {
        return Set.of(Hook.AFTER_REQUEST, Hook.STREAM_CHUNK);
    }

    /** Validates the config, reads and compiles the schema; never called on the request path. */
    @Override
    public Guardrail create(PluginConfig config, PluginContext context) {
        SchemaGuardConfig settings = SchemaGuardConfig.from(config, context);
        String schemaText;
        try {
            schemaText = context.json().writeValueAsString(settings.schemaNode());
        } catch (JsonProcessingException e) {
            throw config.error("schema", "cannot be written back as JSON");
        }
        return new SchemaGuardGuardrail(settings, new JsonExtractor(context.json()), schemaText);
    }
}
