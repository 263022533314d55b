package io.policygateway.plugins.schemaguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.Hook;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaGuardConfigTest {
    private static final TestPluginContext CONTEXT = new TestPluginContext(Map.of());
    private static final String SCHEMA = "{\"type\": \"object\", \"required\": [\"name\"]}";

    @Test
    void declaresItsNameAndHooks() {
        SchemaGuardFactory factory = new SchemaGuardFactory();
        assertEquals("schema-guard", factory.id());
        assertEquals(Set.of(Hook.AFTER_REQUEST, Hook.STREAM_CHUNK), factory.hooks());
    }

    @Test
    void defaultsToBlockingWithThreeErrorsRequiringJsonAndBufferingStreams() {
        SchemaGuardConfig config = SchemaGuardConfig.from(Chats.config("{\"schema\": " + SCHEMA + "}"), CONTEXT);
        assertEquals(SchemaGuardConfig.OnFailure.BLOCK, config.onFailure());
        assertEquals(GuardrailAction.BLOCK, config.action());
        assertEquals(3, config.maxErrors());
        assertTrue(config.requireJson());
        assertTrue(config.bufferStreams());
    }

    @Test
    void readsTheSchemaFromAFileUnderTheGatewayHome(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("schemas"));
        Files.writeString(home.resolve("schemas/person.json"), SCHEMA);
        SchemaGuardConfig config = SchemaGuardConfig.from(Chats.config(
                "{\"schema_file\": \"schemas/person.json\", \"on_failure\": \"retry\", \"categories\": [\"json\"]}"),
                new TestPluginContext(Map.of(), home));
        assertEquals("name", config.schemaNode().path("required").path(0).asText());
        assertEquals(SchemaGuardConfig.OnFailure.RETRY, config.onFailure());
    }

    @Test
    void needsExactlyOneSchema() {
        assertEquals("plugins[0].config.schema", assertThrows(ConfigException.class,
                () -> new SchemaGuardFactory().create(PluginConfig.empty("plugins[0].config"), CONTEXT)).path());
        assertEquals("plugins[0].config.schema", assertThrows(ConfigException.class, () -> SchemaGuardConfig.from(
                Chats.config("{\"schema\": " + SCHEMA + ", \"schema_file\": \"x.json\"}"), CONTEXT)).path());
    }

    @Test
    void refusesASchemaThatIsNotAJsonSchemaNamingTheProblem() {
        ConfigException error = assertThrows(ConfigException.class, () -> SchemaGuardConfig.from(
                Chats.config("{\"schema\": {\"type\": \"objekt\"}}"), CONTEXT));
        assertEquals("plugins[0].config.schema", error.path());
        assertTrue(error.reason().contains("/type"), error.reason());
    }

    @Test
    void refusesAMissingSchemaFile(@TempDir Path home) {
        ConfigException error = assertThrows(ConfigException.class, () -> SchemaGuardConfig.from(
                Chats.config("{\"schema_file\": \"missing.json\"}"), new TestPluginContext(Map.of(), home)));
        assertEquals("plugins[0].config.schema_file", error.path());
        assertTrue(error.reason().contains("no such file"), error.reason());
    }

    @Test
    void refusesBadValuesNamingThePath() {
        assertEquals("plugins[0].config.on_failure", assertThrows(ConfigException.class, () -> SchemaGuardConfig.from(
                Chats.config("{\"schema\": " + SCHEMA + ", \"on_failure\": \"ignore\"}"), CONTEXT)).path());
        assertEquals("plugins[0].config.max_errors", assertThrows(ConfigException.class, () -> SchemaGuardConfig.from(
                Chats.config("{\"schema\": " + SCHEMA + ", \"max_errors\": 0}"), CONTEXT)).path());
        assertEquals("plugins[0].config.stream", assertThrows(ConfigException.class, () -> SchemaGuardConfig.from(
                Chats.config("{\"schema\": " + SCHEMA + ", \"stream\": \"window\"}"), CONTEXT)).path());
        assertEquals("plugins[0].config.strict", assertThrows(ConfigException.class, () -> SchemaGuardConfig.from(
                Chats.config("{\"schema\": " + SCHEMA + ", \"strict\": true}"), CONTEXT)).path());
    }

    @Test
    void isListedAsAPf4jExtension() throws IOException {
        StringBuilder listed = new StringBuilder();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                listed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(listed.toString().contains(SchemaGuardFactory.class.getName()), listed.toString());
    }
}
