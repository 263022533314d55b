package io.policygateway.kernel.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.policygateway.api.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Validates {@code AIGatewayPolicy} rules against seed 003's JSON Schema, shipped as
 * {@code schema/ai-gateway-policy-schema.json}. Invalid rules are refused with the rule id and the
 * path of the bad field.
 */
public final class PolicyRuleSchema {
    private static final String RESOURCE = "/schema/ai-gateway-policy-schema.json";
    private final ObjectMapper json;
    private volatile Schema schema;

    public PolicyRuleSchema(ObjectMapper json) {
        this.json = json;
    }

    /** Loaded on first use, so a gateway without policies does not pay for the validator at start. */
    private Schema schema() {
        Schema loaded = schema;
        if (loaded == null) {
            synchronized (this) {
                if (schema == null) {
                    try (InputStream in = PolicyRuleSchema.class.getResourceAsStream(RESOURCE)) {
                        JsonNode schemaNode = json.readTree(in);
                        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
                    } catch (IOException | RuntimeException e) {
                        throw new IllegalStateException("the policy schema " + RESOURCE + " cannot be loaded", e);
                    }
                }
                loaded = schema;
            }
        }
        return loaded;
    }

    /**
     * @param path where the rule sits in the config, e.g. {@code policies[0].rules[2]}
     */
    public void validate(JsonNode rule, String source, String path) {
        List<Error> errors = schema().validate(rule);
        if (errors.isEmpty()) {
            return;
        }
        Error first = errors.get(0);
        String ruleId = rule.path("policyId").asText("?");
        String location = first.getInstanceLocation() == null ? "" : first.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        String field = first.getProperty() != null && !location.endsWith(first.getProperty()) ? join(location, first.getProperty()) : location;
        throw new ConfigException(source, field.isEmpty() ? path : path + "." + field,
                "rule '" + ruleId + "' does not match the AIGatewayPolicy schema: " + first.getMessage());
    }

    private static String join(String location, String property) {
        return location.isEmpty() ? property : location + "." + property;
    }
}
