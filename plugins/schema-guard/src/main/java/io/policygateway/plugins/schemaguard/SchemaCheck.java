package io.policygateway.plugins.schemaguard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled JSON Schema (draft 2020-12 unless the schema's {@code $schema} names another draft),
 * checked against its meta-schema when built. Thread-safe.
 */
final class SchemaCheck {
    private final Schema schema;

    private SchemaCheck(Schema schema) {
        this.schema = requireNonNull(schema, "schema is null");
    }

    /**
     * Compiles a schema.
     *
     * @throws IllegalArgumentException naming the first problems when the schema is not a valid JSON Schema
     */
    static SchemaCheck compile(JsonNode schemaNode) {
        if (!schemaNode.isObject() && !schemaNode.isBoolean()) {
            throw new IllegalArgumentException("a JSON Schema is an object (or true/false)");
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        String dialect = schemaNode.path("$schema").asText(SpecificationVersion.DRAFT_2020_12.getDialectId());
        List<Error> problems;
        try {
            problems = registry.getSchema(SchemaLocation.of(dialect)).validate(schemaNode);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown or unreachable $schema '" + dialect + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a valid JSON Schema: " + String.join("; ", describe(problems, 3)));
        }
        try {
            return new SchemaCheck(registry.getSchema(schemaNode));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the schema cannot be used: " + e.getMessage());
        }
    }

    /** Every validation error of {@code document}, as "location: message"; empty when it is valid. */
    List<String> errors(JsonNode document) {
        return describe(schema.validate(document), Integer.MAX_VALUE);
    }

    private static List<String> describe(List<Error> errors, int limit) {
        List<String> described = new ArrayList<>();
        for (Error error : errors) {
            if (described.size() >= limit) {
                break;
            }
            String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            described.add((location.isEmpty() ? "/" : location) + ": " + error.getMessage());
        }
        return described;
    }
}
