package io.policygateway.plugins.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.tool.ToolLoop;
import io.policygateway.api.tool.ToolLoopFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginState;

/**
 * The packaged plugin JAR as a user drops it into {@code plugins/}: loaded by PF4J, its bundled MCP
 * SDK and Reactor relocated, Jackson and the plugin API taken from the gateway.
 */
class PluginJarIT {
    private static final Path JAR = Path.of(System.getProperty("plugin.jar", "target/mcp-0.1.0.jar"));

    @TempDir
    Path home;

    @Test
    void bundlesTheSdkRelocatedAndNeverTheGatewaysSharedLibraries() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(entry -> entry.getName()).toList();
            assertTrue(names.contains("META-INF/extensions.idx"));
            assertTrue(names.stream().anyMatch(name -> name.startsWith("io/policygateway/plugins/mcp/shaded/reactor/")));
            assertTrue(names.stream().anyMatch(name -> name.startsWith("io/policygateway/plugins/mcp/shaded/io/modelcontextprotocol/")));
            for (String shared : List.of("com/fasterxml/", "org/slf4j/", "org/pf4j/", "io/policygateway/api/", "reactor/",
                    "io/modelcontextprotocol/", "org/yaml/")) {
                assertTrue(names.stream().noneMatch(name -> name.startsWith(shared)), "the JAR must not contain " + shared);
            }
            assertEquals("mcp", jar.getManifest().getMainAttributes().getValue("Plugin-Id"));
        }
    }

    @Test
    void loadsThroughPf4jAndCallsAnMcpServer() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(JAR, plugins.resolve("mcp-0.1.0.jar"));
        DefaultPluginManager manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion("0.1.0");
        manager.loadPlugins();
        manager.startPlugins();
        try (StreamableHttpMcpServer server = StreamableHttpMcpServer.start()) {
            assertEquals(PluginState.STARTED, manager.getPlugin("mcp").getPluginState());
            List<ToolLoopFactory> factories = manager.getExtensions(ToolLoopFactory.class, "mcp");
            assertEquals(1, factories.size());
            ToolLoopFactory factory = factories.getFirst();
            assertNotSame(getClass().getClassLoader(), factory.getClass().getClassLoader(), "must come from the plugin JAR");
            assertEquals("mcp_servers", factory.configKey());
            assertEquals(List.of("mcp"), factory.settingsKeys());

            try (ToolLoop loop = factory.create(TestConfigs.config("""
                    {"mcp_servers": [{"name": "docs", "url": "%s", "headers": {"Authorization": "%s"}}],
                     "mcp": {"startup_wait": "60s"}}
                    """.formatted(server.url(), StreamableHttpMcpServer.TOKEN)), RecordingPluginContext.withProcessBasics(home))) {
                assertEquals("up", loop.health().get("docs"));
                assertEquals("result for jars", loop.call("docs__lookup", "{\"query\": \"jars\"}", TestConfigs.anyCaller()).content());
            }
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }
}
