package io.policygateway.plugins.toxicity;

import io.policygateway.api.guardrail.StreamMode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.Hook;
import io.policygateway.plugins.toxicity.classifier.ToxicityCategory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToxicityConfigTest {

    @Test
    void declaresItsNameHooksAndPolicyType() {
        ToxicityFactory factory = new ToxicityFactory();
        assertEquals("toxicity", factory.id());
        assertEquals(Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK), factory.hooks());
        assertEquals(Set.of("toxicity"), factory.policyTypes());
    }

    @Test
    void defaultsToBlockingAtHalfOnUserMessagesWithEveryCategoryAndASentenceWindow() {
        ToxicityConfig config = ToxicityConfig.from(PluginConfig.empty("plugins[0].config"));
        assertEquals(0.5, config.threshold());
        assertEquals(GuardrailAction.BLOCK, config.action());
        assertEquals(EnumSet.allOf(ToxicityCategory.class), config.categories());
        assertEquals(Set.of("user"), config.roles());
        assertEquals(StreamMode.WINDOW, config.stream());
    }

    @Test
    void acceptsTheCategoriesAndActionOfAPolicyRule() {
        ToxicityConfig config = ToxicityConfig.from(Chats.config("{\"categories\": [\"threat\", \"identity-attack\"], "
                + "\"action\": \"warn\", \"stream\": \"buffer\"}"));
        assertEquals(EnumSet.of(ToxicityCategory.THREAT, ToxicityCategory.IDENTITY_ATTACK), config.categories());
        assertEquals(GuardrailAction.WARN, config.action());
        assertEquals(StreamMode.BUFFER, config.stream());
    }

    @Test
    void refusesUnknownKeysAndValuesNamingThePath() {
        assertEquals("plugins[0].config.level", assertThrows(ConfigException.class,
                () -> new ToxicityFactory().create(Chats.config("{\"level\": 3}"), new TestPluginContext(Map.of()))).path());
        assertEquals("plugins[0].config.categories[0]", assertThrows(ConfigException.class,
                () -> ToxicityConfig.from(Chats.config("{\"categories\": [\"rudeness\"]}"))).path());
        assertEquals("plugins[0].config.threshold", assertThrows(ConfigException.class,
                () -> ToxicityConfig.from(Chats.config("{\"threshold\": 0}"))).path());
        assertEquals("plugins[0].config.stream", assertThrows(ConfigException.class,
                () -> ToxicityConfig.from(Chats.config("{\"stream\": \"sometimes\"}"))).path());
        assertEquals("plugins[0].config.action", assertThrows(ConfigException.class,
                () -> ToxicityConfig.from(Chats.config("{\"action\": \"redact\"}"))).path());
    }

    @Test
    void isListedAsAPf4jExtension() throws IOException {
        StringBuilder listed = new StringBuilder();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                listed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(listed.toString().contains(ToxicityFactory.class.getName()), listed.toString());
    }
}
