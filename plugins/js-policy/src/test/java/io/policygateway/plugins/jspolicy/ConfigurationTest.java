package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.Hook;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    private static final String ALLOW = "function onRequest() { return { action: 'allow' }; }\n";

    private final PolicyFolder folder = PolicyFolder.create();

    @AfterEach
    void close() throws Exception {
        folder.close();
    }

    private JsPolicyConfig bind(ObjectNode config) {
        return JsPolicyConfig.bind(new PluginConfig("gateway.yaml", "plugins[0].config", config), folder.context());
    }

    private ConfigException refused(ObjectNode config) {
        return assertThrows(ConfigException.class, () -> folder.guardrail(config));
    }

    @Test
    void declaresItsIdAndHooks() {
        assertEquals("js", folder.factory().id());
        assertEquals(Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK), folder.factory().hooks());
        assertEquals(Set.of(), folder.factory().policyTypes());
    }

    @Test
    void defaultsToFiftyMillisecondsFailClosedInThePoliciesFolderOfHome() {
        JsPolicyConfig config = bind(folder.config("block-competitors"));

        assertEquals("block-competitors.js", config.script());
        assertEquals(Duration.ofMillis(50), config.timeout());
        assertEquals(64L << 20, config.memoryBytes());
        assertEquals(FailMode.CLOSED, config.failMode());
        assertEquals(folder.context().home().resolve("policies").toAbsolutePath(), config.directory());
    }

    @Test
    void readsTimeoutMemoryFailAndARelativeDirectory() {
        ObjectNode node = folder.config("x.js");
        node.put("timeout", "250ms").put("memory", "16MB").put("fail", "open").put("directory", "custom");

        JsPolicyConfig config = bind(node);

        assertEquals(Duration.ofMillis(250), config.timeout());
        assertEquals(16L << 20, config.memoryBytes());
        assertEquals(FailMode.OPEN, config.failMode());
        assertEquals(folder.context().home().resolve("custom").toAbsolutePath(), config.directory());
    }

    @Test
    void acceptsTheKeysAPolicyRulePasses() {
        ObjectNode node = folder.config("x.js");
        node.put("action", "block").put("stage", "request");
        node.putArray("categories").add("competitors");

        JsPolicyConfig config = bind(node);

        assertEquals("block", config.rule().path("action").asText());
        assertEquals("competitors", config.rule().path("categories").path(0).asText());
    }

    @Test
    void refusesAMissingScriptKey() {
        ConfigException error = refused(Chat.JSON.createObjectNode());

        assertEquals("plugins[0].config.script", error.path());
        assertEquals("is required", error.reason());
    }

    @Test
    void refusesAScriptNameThatIsAPath() {
        ConfigException error = refused(folder.config("../secrets.js"));

        assertEquals("plugins[0].config.script", error.path());
    }

    @Test
    void refusesAnUnknownKey() {
        ObjectNode node = folder.config("x.js");
        node.put("timout", "10ms");

        ConfigException error = refused(node);

        assertEquals("plugins[0].config.timout", error.path());
        assertTrue(error.reason().startsWith("unknown key"), error.reason());
    }

    @Test
    void refusesBadTimeoutMemoryAndFailValues() {
        assertEquals("plugins[0].config.timeout", refused(folder.config("x.js").put("timeout", "fast")).path());
        assertEquals("plugins[0].config.timeout", refused(folder.config("x.js").put("timeout", "5m")).path());
        assertEquals("plugins[0].config.memory", refused(folder.config("x.js").put("memory", "lots")).path());
        assertEquals("plugins[0].config.memory", refused(folder.config("x.js").put("memory", "10KB")).path());
        assertEquals("plugins[0].config.fail", refused(folder.config("x.js").put("fail", "maybe")).path());
    }

    @Test
    void refusesAFolderThatDoesNotExist() {
        ConfigException error = refused(folder.config("x.js").put("directory", "nowhere"));

        assertEquals("plugins[0].config.directory", error.path());
        assertTrue(error.reason().contains("no such folder"), error.reason());
    }

    @Test
    void refusesAScriptThatDoesNotExist() {
        ConfigException error = refused(folder.config("absent.js"));

        assertEquals("plugins[0].config.script", error.path());
        assertTrue(error.reason().contains("no such policy script"), error.reason());
        assertTrue(error.reason().contains("absent.js"), error.reason());
    }

    @Test
    void refusesABrokenScriptNamingItsFileAndLine() {
        folder.write("broken.js", "function onRequest(req) {\n  return { action: 'allow' ;\n}\n");

        ConfigException error = refused(folder.config("broken.js"));

        assertTrue(error.reason().contains("broken.js:2:"), error.reason());
        assertTrue(error.reason().contains("SyntaxError"), error.reason());
    }

    @Test
    void refusesAScriptWithoutHooks() {
        folder.write("nothing.js", "const x = 1;\n");

        ConfigException error = refused(folder.config("nothing.js"));

        assertTrue(error.reason().contains("defines none of the hooks"), error.reason());
    }

    @Test
    void refusesAScriptThatDefinesTheReservedGatewayName() {
        folder.write("shadow.js", "const gateway = {};\n" + ALLOW);

        ConfigException error = refused(folder.config("shadow.js"));

        assertTrue(error.reason().contains("shadow.js:1"), error.reason());
    }

    @Test
    void refusesAScriptThatUsesSloppyModeOnlySyntax() {
        folder.write("sloppy.js", "function onRequest(req) { with (req) { return { action: 'allow' }; } }\n");

        ConfigException error = refused(folder.config("sloppy.js"));

        assertTrue(error.reason().contains("sloppy.js:1"), error.reason());
    }

    @Test
    void refusesTextThatWouldEscapeItsWrapper() {
        folder.write("escape.js", "}); globalThis.escaped = true; (function () {\n" + ALLOW);

        ConfigException error = refused(folder.config("escape.js"));

        assertTrue(error.reason().contains("escape.js:1"), error.reason());
    }
}
