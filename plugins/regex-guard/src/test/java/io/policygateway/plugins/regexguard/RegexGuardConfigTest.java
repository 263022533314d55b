package io.policygateway.plugins.regexguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import org.junit.jupiter.api.Test;

class RegexGuardConfigTest {

    @Test
    void compilesEachPatternOnceWithItsOwnOrTheDefaultAction() {
        RegexGuardSettings settings = RegexGuardSettings.from(Chats.config("{\"patterns\": ["
                + "{\"name\": \"ticket\", \"pattern\": \"TCK-\\\\d+\", \"action\": \"redact\"},"
                + "{\"name\": \"codename\", \"pattern\": \"(?i)project falcon\"}]}"));
        assertEquals(2, settings.rules().size());
        assertEquals(RegexAction.REDACT, settings.rules().get(0).action());
        assertEquals("[TICKET]", settings.rules().get(0).replacement());
        assertEquals(RegexAction.BLOCK, settings.rules().get(1).action());
        assertEquals(8192, settings.scanChunk());
        assertEquals(1024, settings.scanOverlap());
        assertEquals(256, settings.streamWindow());
    }

    @Test
    void takesPolicyRuleCategoriesAsPatterns() {
        RegexGuardSettings settings = RegexGuardSettings.from(Chats.config(
                "{\"categories\": [\"\\\\bACME-\\\\d{4}\\\\b\"], \"action\": \"warn\"}"));
        assertEquals("pattern-1", settings.rules().get(0).name());
        assertEquals(RegexAction.WARN, settings.rules().get(0).action());
    }

    @Test
    void refusesAnInvalidExpressionNamingItsPath() {
        ConfigException error = assertThrows(ConfigException.class, () -> RegexGuardSettings.from(Chats.config(
                "{\"patterns\": [{\"name\": \"ok\", \"pattern\": \"a\"}, {\"name\": \"bad\", \"pattern\": \"(unclosed\"}]}")));
        assertEquals("plugins[0].config.patterns[1].pattern", error.path());
        assertTrue(error.reason().startsWith("not a valid regular expression"), error.reason());
    }

    @Test
    void refusesPatternsThatMatchTheEmptyStringOrLackANameOrRepeatOne() {
        assertEquals("plugins[0].config.patterns[0].pattern", assertThrows(ConfigException.class, () -> RegexGuardSettings.from(
                Chats.config("{\"patterns\": [{\"name\": \"digits\", \"pattern\": \"\\\\d*\"}]}"))).path());
        assertEquals("plugins[0].config.patterns[0].name", assertThrows(ConfigException.class, () -> RegexGuardSettings.from(
                Chats.config("{\"patterns\": [{\"pattern\": \"x\"}]}"))).path());
        assertEquals("plugins[0].config.patterns[1].name", assertThrows(ConfigException.class, () -> RegexGuardSettings.from(
                Chats.config("{\"patterns\": [{\"name\": \"a\", \"pattern\": \"x\"}, {\"name\": \"a\", \"pattern\": \"y\"}]}"))).path());
    }

    @Test
    void refusesUnknownKeysAtEitherLevel() {
        assertEquals("plugins[0].config.pattern", assertThrows(ConfigException.class,
                () -> RegexGuardSettings.from(Chats.config("{\"pattern\": \"x\"}"))).path());
        assertEquals("plugins[0].config.patterns[0].regex", assertThrows(ConfigException.class, () -> RegexGuardSettings.from(
                Chats.config("{\"patterns\": [{\"name\": \"a\", \"regex\": \"x\"}]}"))).path());
    }

    @Test
    void refusesAConfigWithoutPatterns() {
        assertEquals("plugins[0].config.patterns",
                assertThrows(ConfigException.class, () -> RegexGuardSettings.from(Chats.config("{}"))).path());
    }
}
