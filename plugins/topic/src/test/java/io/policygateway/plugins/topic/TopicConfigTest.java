package io.policygateway.plugins.topic;

import io.policygateway.api.guardrail.StreamMode;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicConfigTest {

    @Test
    void declaresItsNameHooksAndPolicyType() {
        TopicFactory factory = new TopicFactory();
        assertEquals("topic", factory.id());
        assertEquals(Set.of(Hook.BEFORE_REQUEST, Hook.AFTER_REQUEST, Hook.STREAM_CHUNK), factory.hooks());
        assertEquals(Set.of("topic"), factory.policyTypes());
    }

    @Test
    void readsAPolicyRulesCategoriesAsADenyListWithDefaults() {
        TopicConfig config = TopicConfig.from(Chats.config("{\"categories\": [\"politics\", \"medical-advice\"]}"));
        assertEquals(TopicConfig.Mode.DENY, config.mode());
        assertEquals(Set.of("politics", "medical_advice"), config.topics());
        assertEquals(0.5, config.threshold());
        assertEquals(GuardrailAction.BLOCK, config.action());
        assertEquals(Set.of("user"), config.roles());
        assertEquals(StreamMode.WINDOW, config.stream());
    }

    @Test
    void readsAnAllowListAndCustomTopics() {
        TopicConfig config = TopicConfig.from(Chats.config(
                "{\"allow\": [\"billing\"], \"custom_topics\": {\"billing\": [\"invoice\", \"refund\"]}, \"action\": \"warn\"}"));
        assertEquals(TopicConfig.Mode.ALLOW, config.mode());
        assertEquals(Set.of("billing"), config.topics());
        assertEquals(Map.of("billing", List.of("invoice", "refund")), config.customTopics());
        assertEquals(GuardrailAction.WARN, config.action());
    }

    @Test
    void needsTopicsToDeny() {
        assertEquals("plugins[0].config.categories", assertThrows(ConfigException.class,
                () -> new TopicFactory().create(PluginConfig.empty("plugins[0].config"), new TestPluginContext(Map.of())))
                .path());
    }

    @Test
    void refusesBadTopicListsNamingThePath() {
        assertEquals("plugins[0].config.deny[1]", assertThrows(ConfigException.class,
                () -> TopicConfig.from(Chats.config("{\"deny\": [\"politics\", \"astrology\"]}"))).path());
        assertEquals("plugins[0].config.allow", assertThrows(ConfigException.class,
                () -> TopicConfig.from(Chats.config("{\"deny\": [\"politics\"], \"allow\": [\"weapons\"]}"))).path());
        assertEquals("plugins[0].config.custom_topics.politics", assertThrows(ConfigException.class,
                () -> TopicConfig.from(Chats.config("{\"deny\": [\"politics\"], \"custom_topics\": {\"politics\": [\"x\"]}}")))
                .path());
        assertEquals("plugins[0].config.custom_topics.Sports", assertThrows(ConfigException.class,
                () -> TopicConfig.from(Chats.config("{\"deny\": [\"Sports\"], \"custom_topics\": {\"Sports\": [\"goal\"]}}")))
                .path());
        assertEquals("plugins[0].config.verbose", assertThrows(ConfigException.class,
                () -> TopicConfig.from(Chats.config("{\"deny\": [\"politics\"], \"verbose\": true}"))).path());
    }

    @Test
    void isListedAsAPf4jExtension() throws IOException {
        StringBuilder listed = new StringBuilder();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                listed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(listed.toString().contains(TopicFactory.class.getName()), listed.toString());
    }
}
