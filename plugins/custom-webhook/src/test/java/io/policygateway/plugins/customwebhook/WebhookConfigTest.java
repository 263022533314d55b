package io.policygateway.plugins.customwebhook;

import io.policygateway.api.guardrail.StreamMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.api.guardrail.Hook;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookConfigTest {
    private static final TestPluginContext ENV = new TestPluginContext(Map.of("HOOK_SECRET", "s3cret"), null);

    @Test
    void declaresItsNameHooksAndPolicyType() {
        WebhookFactory factory = new WebhookFactory();
        assertEquals("custom-webhook", factory.id());
        assertEquals(Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK), factory.hooks());
        assertEquals(Set.of("custom-webhook"), factory.policyTypes());
    }

    @Test
    void defaultsToFailingClosedAfterTwoSecondsAndApplyingTheWebhooksDecision() {
        WebhookConfig config = WebhookConfig.from(Chats.config(
                "{\"url\": \"https://hooks.example.com/policy\", \"secret_env\": \"HOOK_SECRET\"}"), ENV);
        assertEquals(URI.create("https://hooks.example.com/policy"), config.url());
        assertEquals("s3cret", config.secret());
        assertEquals(Duration.ofSeconds(2), config.timeout());
        assertFalse(config.failOpen());
        assertEquals(WebhookAction.BLOCK, config.action());
        assertEquals(StreamMode.BUFFER, config.stream());
        assertEquals(List.of(), config.categories());
    }

    @Test
    void acceptsTheCategoriesAndActionOfAPolicyRule() {
        WebhookConfig config = WebhookConfig.from(Chats.config("{\"url\": \"http://127.0.0.1:8081/x\", \"secret\": \"abc\", "
                + "\"categories\": [\"refunds\"], \"action\": \"warn\", \"fail_open\": true, \"timeout\": 750}"), ENV);
        assertEquals(List.of("refunds"), config.categories());
        assertEquals(WebhookAction.WARN, config.action());
        assertTrue(config.failOpen());
        assertEquals(Duration.ofMillis(750), config.timeout());
    }

    @Test
    void needsAUrlAndASecret() {
        assertEquals("plugins[0].config.url", assertThrows(ConfigException.class,
                () -> WebhookConfig.from(Chats.config("{\"secret\": \"abc\"}"), ENV)).path());
        assertEquals("plugins[0].config.secret_env", assertThrows(ConfigException.class,
                () -> WebhookConfig.from(Chats.config("{\"url\": \"https://h.example\"}"), ENV)).path());
        ConfigException missing = assertThrows(ConfigException.class, () -> WebhookConfig.from(Chats.config(
                "{\"url\": \"https://h.example\", \"secret_env\": \"NOT_SET\"}"), ENV));
        assertTrue(missing.reason().contains("NOT_SET"), missing.reason());
    }

    @Test
    void refusesBadValuesNamingThePath() {
        assertEquals("plugins[0].config.url", assertThrows(ConfigException.class,
                () -> WebhookConfig.from(Chats.config("{\"url\": \"file:///etc/passwd\", \"secret\": \"a\"}"), ENV)).path());
        assertEquals("plugins[0].config.url", assertThrows(ConfigException.class,
                () -> WebhookConfig.from(Chats.config("{\"url\": \"https://u:p@h.example\", \"secret\": \"a\"}"), ENV)).path());
        assertEquals("plugins[0].config.secret", assertThrows(ConfigException.class, () -> WebhookConfig.from(Chats.config(
                "{\"url\": \"https://h.example\", \"secret\": \"a\", \"secret_env\": \"HOOK_SECRET\"}"), ENV)).path());
        assertEquals("plugins[0].config.action", assertThrows(ConfigException.class, () -> WebhookConfig.from(Chats.config(
                "{\"url\": \"https://h.example\", \"secret\": \"a\", \"action\": \"redact\"}"), ENV)).path());
        assertEquals("plugins[0].config.headers", assertThrows(ConfigException.class, () -> WebhookConfig.from(Chats.config(
                "{\"url\": \"https://h.example\", \"secret\": \"a\", \"headers\": {}}"), ENV)).path());
    }

    @Test
    void isListedAsAPf4jExtension() throws IOException {
        StringBuilder listed = new StringBuilder();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                listed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(listed.toString().contains(WebhookFactory.class.getName()), listed.toString());
    }
}
