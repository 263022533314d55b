package io.policygateway.plugins.moderation;

import io.policygateway.api.guardrail.StreamMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.Hook;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModerationConfigTest {
    private static final TestPluginContext WITH_KEY = new TestPluginContext(Map.of("OPENAI_API_KEY", "sk-test-123"), null);

    @Test
    void declaresItsNameHooksAndPolicyType() {
        ModerationFactory factory = new ModerationFactory();
        assertEquals("moderation", factory.id());
        assertEquals(Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK), factory.hooks());
        assertEquals(Set.of("moderation"), factory.policyTypes());
    }

    @Test
    void defaultsToOpenAiWithTheKeyFromTheEnvironmentFailingClosedAfterTwoSeconds() {
        ModerationConfig config = ModerationConfig.from(PluginConfig.empty("plugins[0].config"), WITH_KEY);
        assertEquals(URI.create("https://api.openai.com/v1/moderations"), config.endpoint());
        assertEquals(Optional.of("sk-test-123"), config.apiKey());
        assertEquals("omni-moderation-latest", config.model());
        assertEquals(Duration.ofSeconds(2), config.timeout());
        assertFalse(config.failOpen());
        assertTrue(config.categories().isEmpty());
        assertEquals(GuardrailAction.BLOCK, config.action());
        assertEquals(Set.of("user"), config.roles());
        assertEquals(StreamMode.BUFFER, config.stream());
    }

    @Test
    void readsEveryKey() {
        ModerationConfig config = ModerationConfig.from(Chats.config("{\"base_url\": \"http://127.0.0.1:9/v1/\", "
                + "\"api_key_env\": \"MOD_KEY\", \"model\": \"text-moderation-stable\", \"timeout\": \"500ms\", "
                + "\"fail_open\": true, \"categories\": [\"violence\", \"self_harm_intent\"], \"threshold\": 0.4, "
                + "\"action\": \"warn\", \"roles\": [\"user\", \"tool\"], \"stream\": \"pass-through\"}"),
                new TestPluginContext(Map.of("MOD_KEY", "k"), null));
        assertEquals(URI.create("http://127.0.0.1:9/v1/moderations"), config.endpoint());
        assertEquals(Set.of("violence", "self-harm/intent"), config.categories());
        assertEquals(0.4, config.threshold().getAsDouble());
        assertTrue(config.failOpen());
        assertEquals(Duration.ofMillis(500), config.timeout());
        assertEquals(StreamMode.PASS_THROUGH, config.stream());
    }

    @Test
    void refusesAMissingKeyNamingTheVariableButNoValue() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ModerationConfig.from(PluginConfig.empty("plugins[0].config"), new TestPluginContext(Map.of(), null)));
        assertEquals("plugins[0].config.api_key_env", error.path());
        assertTrue(error.reason().contains("OPENAI_API_KEY"), error.reason());
    }

    @Test
    void runsWithoutAKeyWhenToldSo() {
        assertEquals(Optional.empty(), ModerationConfig.from(Chats.config("{\"api_key_env\": \"\"}"),
                new TestPluginContext(Map.of(), null)).apiKey());
    }

    @Test
    void refusesBadValuesNamingThePath() {
        assertEquals("plugins[0].config.base_url", assertThrows(ConfigException.class,
                () -> ModerationConfig.from(Chats.config("{\"base_url\": \"ftp://example.com\"}"), WITH_KEY)).path());
        assertEquals("plugins[0].config.categories[0]", assertThrows(ConfigException.class,
                () -> ModerationConfig.from(Chats.config("{\"categories\": [\"spam\"]}"), WITH_KEY)).path());
        assertEquals("plugins[0].config.threshold", assertThrows(ConfigException.class,
                () -> ModerationConfig.from(Chats.config("{\"threshold\": 0.3}"), WITH_KEY)).path());
        assertEquals("plugins[0].config.timeout", assertThrows(ConfigException.class,
                () -> ModerationConfig.from(Chats.config("{\"timeout\": \"soon\"}"), WITH_KEY)).path());
        assertEquals("plugins[0].config.url", assertThrows(ConfigException.class,
                () -> ModerationConfig.from(Chats.config("{\"url\": \"http://x\"}"), WITH_KEY)).path());
    }

    @Test
    void isListedAsAPf4jExtension() throws IOException {
        StringBuilder listed = new StringBuilder();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                listed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(listed.toString().contains(ModerationFactory.class.getName()), listed.toString());
    }
}
