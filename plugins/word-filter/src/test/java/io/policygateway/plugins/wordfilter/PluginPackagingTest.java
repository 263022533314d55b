package io.policygateway.plugins.wordfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.guardrail.Hook;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginPackagingTest {

    @Test
    void listsTheFactoryInThePf4jExtensionIndex() throws IOException {
        URL index = WordFilterGuardrailFactory.class.getProtectionDomain().getCodeSource().getLocation();
        Path file = Path.of(URI.create(index.toString())).resolve("META-INF/extensions.idx");
        assertTrue(Files.isRegularFile(file), "META-INF/extensions.idx was not generated next to the plugin classes");
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(content.lines().anyMatch(WordFilterGuardrailFactory.class.getName()::equals), content);
    }

    @Test
    void servesThePluginNameAndItsHooks() {
        WordFilterGuardrailFactory factory = new WordFilterGuardrailFactory();
        assertEquals("word-filter", factory.id());
        assertEquals(Set.of(), factory.policyTypes());
        assertEquals(Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK), factory.hooks());
    }
}
