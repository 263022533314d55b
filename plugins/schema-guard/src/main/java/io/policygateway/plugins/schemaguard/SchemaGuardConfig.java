package io.policygateway.plugins.schemaguard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * schema-guard's settings.
 *
 * @param schemaNode the JSON Schema, inline ({@code schema}) or read from {@code schema_file}
 *     (relative to the gateway home)
 * @param schema the compiled schema
 * @param onFailure {@code block} (default) or {@code retry}
 * @param action what an invalid answer leads to (default block)
 * @param maxErrors how many validation errors the decision and the retry message carry (default 3)
 * @param requireJson whether an answer without any JSON fails (default true)
 * @param stream {@code buffer} (default: hold the streamed answer and check it whole) or
 *     {@code pass-through} (stream it and check at the end)
 */
record SchemaGuardConfig(JsonNode schemaNode, SchemaCheck schema, OnFailure onFailure, GuardrailAction action,
        int maxErrors, boolean requireJson, boolean bufferStreams) {
    static final int DEFAULT_MAX_ERRORS = 3;

    /** What an invalid answer asks for. */
    enum OnFailure {
        BLOCK,
        RETRY
    }

    SchemaGuardConfig {
        requireNonNull(schemaNode, "schemaNode is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(onFailure, "onFailure is null");
        requireNonNull(action, "action is null");
    }

    static SchemaGuardConfig from(PluginConfig config, PluginContext context) {
        config.requireOnly("schema", "schema_file", "on_failure", "action", "max_errors", "require_json", "categories",
                "stream");
        JsonNode schemaNode = schemaNode(config, context);
        SchemaCheck schema;
        try {
            schema = SchemaCheck.compile(schemaNode);
        } catch (IllegalArgumentException e) {
            throw config.error(config.has("schema") ? "schema" : "schema_file", e.getMessage());
        }
        OnFailure onFailure = switch (config.string("on_failure", "block")) {
            case "block" -> OnFailure.BLOCK;
            case "retry" -> OnFailure.RETRY;
            default -> throw config.error("on_failure", "expected block or retry, got '" + config.string("on_failure", "") + "'");
        };
        long maxErrors = config.number("max_errors", DEFAULT_MAX_ERRORS);
        if (maxErrors < 1 || maxErrors > 50) {
            throw config.error("max_errors", "expected 1 to 50, got " + maxErrors);
        }
        boolean buffer = switch (config.string("stream", "buffer")) {
            case "buffer" -> true;
            case "pass-through" -> false;
            default -> throw config.error("stream", "expected buffer or pass-through, got '" + config.string("stream", "") + "'");
        };
        return new SchemaGuardConfig(schemaNode, schema, onFailure, GuardrailAction.from(config, "schema-guard"),
                (int) maxErrors, config.bool("require_json", true), buffer);
    }

    private static JsonNode schemaNode(PluginConfig config, PluginContext context) {
        if (config.has("schema") == config.has("schema_file")) {
            throw config.error("schema", "give the JSON Schema either inline as schema or as schema_file");
        }
        if (config.has("schema")) {
            return config.raw("schema").orElseThrow();
        }
        Path file = context.home().resolve(config.requireString("schema_file")).normalize();
        try {
            return context.json().readTree(Files.readString(file));
        } catch (IOException e) {
            throw config.error("schema_file", "cannot read a JSON Schema from " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }
}
