package io.policygateway.plugins.secretscan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretScanConfigTest {

    @Test
    void defaultsToBlockingEveryTypeWithAPemSizedHoldBack() {
        SecretScanSettings settings = SecretScanSettings.from(PluginConfig.empty("plugins[0].config"));
        assertEquals(EnumSet.allOf(SecretType.class), settings.types());
        assertEquals(SecretAction.BLOCK, settings.action());
        assertEquals(256, settings.streamWindow());
        assertEquals(16_384, settings.streamMaxHold());
    }

    @Test
    void acceptsCategoriesAndActionFromAPolicyRule() {
        SecretScanSettings settings = SecretScanSettings.from(Chats.config(
                "{\"categories\": [\"github-token\", \"private_key\", \"secret\"], \"action\": \"redact\"}"));
        assertEquals(Set.of(SecretType.GITHUB_TOKEN, SecretType.PRIVATE_KEY, SecretType.GENERIC_SECRET), settings.types());
        assertEquals(SecretAction.REDACT, settings.action());
    }

    @Test
    void refusesAnUnknownKeyNamingItsPath() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> SecretScanSettings.from(Chats.config("{\"acton\": \"block\"}")));
        assertEquals("plugins[0].config.acton", error.path());
    }

    @Test
    void refusesAnUnknownCategoryNamingItsIndex() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> SecretScanSettings.from(Chats.config("{\"categories\": [\"jwt\", \"passport\"]}")));
        assertEquals("plugins[0].config.categories[1]", error.path());
    }

    @Test
    void refusesAnUnknownActionAndAnInconsistentWindow() {
        assertEquals("plugins[0].config.action", assertThrows(ConfigException.class,
                () -> SecretScanSettings.from(Chats.config("{\"action\": \"mask\"}"))).path());
        assertEquals("plugins[0].config.streamMaxHold", assertThrows(ConfigException.class,
                () -> SecretScanSettings.from(Chats.config("{\"streamWindow\": 512, \"streamMaxHold\": 100}"))).path());
    }
}
