package io.policygateway.plugins.responsecache;

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
        URL classes = ResponseCacheGuardrailFactory.class.getProtectionDomain().getCodeSource().getLocation();
        Path file = Path.of(URI.create(classes.toString())).resolve("META-INF/extensions.idx");
        assertTrue(Files.isRegularFile(file), "META-INF/extensions.idx was not generated next to the plugin classes");
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(content.lines().anyMatch(ResponseCacheGuardrailFactory.class.getName()::equals), content);
    }

    @Test
    void servesThePluginNameBeforeAndAfterTheRequest() {
        ResponseCacheGuardrailFactory factory = new ResponseCacheGuardrailFactory();
        assertEquals("response-cache", factory.id());
        assertEquals(Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST), factory.hooks());
    }
}
