package io.policygateway.plugins.jspolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * Loads the packaged plugin JAR the way the gateway does: a PF4J plugin manager over a plugins
 * folder, with GraalVM Polyglot on the application class path (the kernel's {@code lib/}), not in
 * the plugin JAR.
 */
class PluginLoadingIT {

    @Test
    void runsAScriptThroughThePluginJarLoadedByPf4j(@TempDir Path home) throws Exception {
        Path pluginJar = Path.of(Objects.requireNonNull(System.getProperty("pluginJar"),
                "pluginJar is not set: run this test through failsafe (mvn verify)"));
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(pluginJar, plugins.resolve(pluginJar.getFileName()));
        Path policies = Files.createDirectories(home.resolve("policies"));
        Files.writeString(policies.resolve("no-acme.js"), """
                function onRequest(req) {
                  return /acme/i.test(req.messages[0].content)
                    ? { action: 'block', reason_code: 'COMPETITOR_MENTION' } : { action: 'allow' };
                }
                """);
        PluginManager manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion("0.1.0");
        manager.loadPlugins();
        manager.startPlugins();
        try {
            assertEquals(PluginState.STARTED, manager.getPlugin("js-policy").getPluginState());
            List<GuardrailFactory> factories = manager.getExtensions(GuardrailFactory.class, "js-policy");
            assertEquals(1, factories.size());
            GuardrailFactory factory = factories.getFirst();
            ClassLoader pluginLoader = manager.getPluginClassLoader("js-policy");

            assertEquals("js", factory.id());
            assertSame(pluginLoader, factory.getClass().getClassLoader());
            assertNotSame(JsPolicyGuardrailFactory.class, factory.getClass());
            assertSame(Engine.class, pluginLoader.loadClass("org.graalvm.polyglot.Engine"));

            ObjectNode config = Chat.JSON.createObjectNode().put("script", "no-acme.js");
            Guardrail guardrail = factory.create(new PluginConfig("gateway.yaml", "plugins[0].config", config),
                    new TestPluginContext(home));
            assertEquals(Decision.BLOCK, guardrail.beforeRequest(Chat.request("Tell me about ACME")).decision());
            assertEquals(Decision.ALLOW, guardrail.beforeRequest(Chat.request("Tell me about us")).decision());
            ((AutoCloseable) guardrail).close();
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }
}
