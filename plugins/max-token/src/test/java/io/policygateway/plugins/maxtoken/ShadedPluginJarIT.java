package io.policygateway.plugins.maxtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;

/**
 * Loads the packaged plugin JAR through PF4J, as the gateway does, and counts tokens with the
 * bundled, relocated tokenizer: proves the shading kept the encodings reachable.
 */
class ShadedPluginJarIT {

    @Test
    void loadsThroughPf4jAndCountsWithTheBundledTokenizer(@TempDir Path plugins) throws Exception {
        Path jar = Files.list(Path.of("target")).filter(path -> path.getFileName().toString().matches("max-token-.*\\.jar"))
                .filter(path -> !path.getFileName().toString().startsWith("original-")).findFirst().orElseThrow();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertTrue(file.stream().anyMatch(entry -> entry.getName().startsWith("io/policygateway/plugins/maxtoken/shaded/jtokkit/")));
            assertTrue(file.stream().noneMatch(entry -> entry.getName().startsWith("com/knuddels/")));
        }
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        PluginManager manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion("0.1.0");
        manager.loadPlugins();
        manager.startPlugins();
        try {
            List<GuardrailFactory> factories = manager.getExtensions(GuardrailFactory.class, "max-token");
            assertEquals(1, factories.size());
            GuardrailFactory factory = factories.get(0);
            assertNotEquals(MaxTokenGuardrailFactory.class.getClassLoader(), factory.getClass().getClassLoader());
            Verdict verdict = factory.create(Chats.config("{\"maxInputTokens\": 50}"), new TestPluginContext())
                    .beforeRequest(Chats.request("t", "tokens ".repeat(100)));
            assertEquals("MAX_TOKENS_EXCEEDED", verdict.reasonCode());
            assertEquals("o200k_base", verdict.details().get("counting"));
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }
}
