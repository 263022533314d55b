package io.policygateway.plugins.maxtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaxTokenConfigTest {

    @Test
    void defaultsToAContextSizedInputLimitAndNoOutputLimit() {
        MaxTokenSettings settings = MaxTokenSettings.from(PluginConfig.empty("plugins[0].config"));
        assertEquals(128_000, settings.maxInputTokens());
        assertEquals(256, settings.maxMessages());
        assertEquals(0, settings.maxOutputTokens());
        assertFalse(settings.clampOutput());
        assertEquals(MaxTokenSettings.Action.BLOCK, settings.action());
        assertEquals(Optional.empty(), settings.counting());
    }

    @Test
    void refusesUnknownKeysNegativeLimitsAndBadChoices() {
        assertEquals("plugins[0].config.maxTokens", assertThrows(ConfigException.class,
                () -> MaxTokenSettings.from(Chats.config("{\"maxTokens\": 10}"))).path());
        assertEquals("plugins[0].config.maxInputTokens", assertThrows(ConfigException.class,
                () -> MaxTokenSettings.from(Chats.config("{\"maxInputTokens\": -1}"))).path());
        assertEquals("plugins[0].config.encoding", assertThrows(ConfigException.class,
                () -> MaxTokenSettings.from(Chats.config("{\"encoding\": \"p50k_base\"}"))).path());
        assertEquals("plugins[0].config.outputAction", assertThrows(ConfigException.class,
                () -> MaxTokenSettings.from(Chats.config("{\"outputAction\": \"clamp\"}"))).path());
        assertEquals("plugins[0].config.action", assertThrows(ConfigException.class,
                () -> MaxTokenSettings.from(Chats.config("{\"action\": \"redact\"}"))).path());
        assertEquals("plugins[0].config.categories", assertThrows(ConfigException.class,
                () -> MaxTokenSettings.from(Chats.config("{\"categories\": [\"pii\"]}"))).path());
    }
}
