package io.policygateway.plugins.responsecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ResponseCacheConfigTest {

    @Test
    void defaultsToFiveMinutesAThousandAnswersOfUpTo256KibAtAnyTemperature() {
        ResponseCacheSettings settings = ResponseCacheSettings.from(PluginConfig.empty("plugins[0].config"));

        assertEquals(Duration.ofMinutes(5), settings.ttl());
        assertEquals(1000, settings.maxEntries());
        assertEquals(256 * 1024, settings.maxEntryBytes());
        assertEquals(OptionalDouble.empty(), settings.maxTemperature());
        assertFalse(settings.logOnly());
    }

    @Test
    void readsEveryKeyAndAcceptsThePolicyRuleKeys() {
        ResponseCacheSettings settings = ResponseCacheSettings.from(Chats.config("""
                {"ttl": "1h", "max_entries": 50, "max_entry_bytes": "64KiB", "max_temperature": 0.2,
                 "categories": [], "action": "log-only"}"""));

        assertEquals(Duration.ofHours(1), settings.ttl());
        assertEquals(50, settings.maxEntries());
        assertEquals(64 * 1024, settings.maxEntryBytes());
        assertEquals(OptionalDouble.of(0.2), settings.maxTemperature());
        assertTrue(settings.logOnly());
        assertEquals(4096, ResponseCacheSettings.from(Chats.config("{\"max_entry_bytes\": 4096}")).maxEntryBytes());
    }

    @Test
    void refusesAnUnknownKeyNamingItsPath() {
        ConfigException error = assertThrows(ConfigException.class, () -> ResponseCacheSettings.from(Chats.config("{\"max_entry\": 5}")));
        assertEquals("gateway.yaml: plugins[0].config.max_entry: unknown key (known keys: action, categories, max_entries, "
                + "max_entry_bytes, max_temperature, ttl)", error.getMessage());
    }

    @Test
    void refusesValuesOutOfRange() {
        assertEquals("plugins[0].config.ttl", assertThrows(ConfigException.class,
                () -> ResponseCacheSettings.from(Chats.config("{\"ttl\": \"500ms\"}"))).path());
        assertEquals("plugins[0].config.ttl", assertThrows(ConfigException.class,
                () -> ResponseCacheSettings.from(Chats.config("{\"ttl\": \"soon\"}"))).path());
        assertEquals("plugins[0].config.max_entries", assertThrows(ConfigException.class,
                () -> ResponseCacheSettings.from(Chats.config("{\"max_entries\": 0}"))).path());
        assertEquals("plugins[0].config.max_entry_bytes", assertThrows(ConfigException.class,
                () -> ResponseCacheSettings.from(Chats.config("{\"max_entry_bytes\": \"1 TB\"}"))).path());
        assertEquals("plugins[0].config.max_entry_bytes", assertThrows(ConfigException.class,
                () -> ResponseCacheSettings.from(Chats.config("{\"max_entry_bytes\": \"1GiB\"}"))).path());
        assertEquals("plugins[0].config.max_temperature", assertThrows(ConfigException.class,
                () -> ResponseCacheSettings.from(Chats.config("{\"max_temperature\": 3}"))).path());
    }

    @Test
    void refusesAnActionACacheCannotTake() {
        ConfigException error = assertThrows(ConfigException.class, () -> ResponseCacheSettings.from(Chats.config("{\"action\": \"block\"}")));
        assertEquals("plugins[0].config.action", error.path());
    }
}
