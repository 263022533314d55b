package io.policygateway.plugins.piiredact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.StreamMode;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PiiRedactConfigTest {

    @Test
    void defaultsToRedactingTheStructuredTypesWithoutRestoring() {
        PiiRedactSettings settings = PiiRedactSettings.from(PluginConfig.empty("plugins[0].config"));
        assertEquals(EnumSet.of(PiiType.EMAIL, PiiType.PHONE, PiiType.SSN, PiiType.CREDIT_CARD, PiiType.IBAN,
                PiiType.IP_ADDRESS), settings.types());
        assertEquals(PiiAction.REDACT, settings.action());
        assertFalse(settings.reversible());
        assertEquals(128, settings.streamWindow());
        assertEquals(2048, settings.streamMaxHold());
        assertEquals(StreamMode.WINDOW, settings.streamMode());
    }

    @Test
    void refusesPassThroughStreamsInReversibleModeAndUnknownStreamModes() {
        assertEquals("plugins[0].config.streamMode", assertThrows(ConfigException.class, () -> PiiRedactSettings.from(
                Chats.config("{\"reversible\": true, \"streamMode\": \"pass-through\"}"))).path());
        assertEquals("plugins[0].config.streamMode", assertThrows(ConfigException.class, () -> PiiRedactSettings.from(
                Chats.config("{\"streamMode\": \"chunked\"}"))).path());
    }

    @Test
    void acceptsCategoriesAndActionFromAPolicyRule() {
        PiiRedactSettings settings = PiiRedactSettings.from(Chats.config(
                "{\"categories\": [\"ssn\", \"email\", \"phone\", \"credit-card\", \"person\"], \"action\": \"block\"}"));
        assertEquals(Set.of(PiiType.SSN, PiiType.EMAIL, PiiType.PHONE, PiiType.CREDIT_CARD, PiiType.NAME), settings.types());
        assertEquals(PiiAction.BLOCK, settings.action());
    }

    @Test
    void refusesAnUnknownKeyNamingItsPath() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> PiiRedactSettings.from(Chats.config("{\"categoies\": [\"email\"]}")));
        assertEquals("plugins[0].config.categoies", error.path());
        assertEquals("gateway.yaml: plugins[0].config.categoies: unknown key (known keys: action, categories, reversible, "
                + "streamMaxHold, streamMode, streamWindow)", error.getMessage());
    }

    @Test
    void refusesAnUnknownCategoryNamingItsIndex() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> PiiRedactSettings.from(Chats.config("{\"categories\": [\"email\", \"passport\"]}")));
        assertEquals("plugins[0].config.categories[1]", error.path());
    }

    @Test
    void refusesAnUnknownAction() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> PiiRedactSettings.from(Chats.config("{\"action\": \"mask\"}")));
        assertEquals("plugins[0].config.action", error.path());
    }

    @Test
    void refusesReversibleModeWithoutRedaction() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> PiiRedactSettings.from(Chats.config("{\"action\": \"block\", \"reversible\": true}")));
        assertEquals("plugins[0].config.reversible", error.path());
    }

    @Test
    void refusesAStreamWindowOutOfRange() {
        assertThrows(ConfigException.class, () -> PiiRedactSettings.from(Chats.config("{\"streamWindow\": 4}")));
        assertThrows(ConfigException.class,
                () -> PiiRedactSettings.from(Chats.config("{\"streamWindow\": 256, \"streamMaxHold\": 100}")));
    }
}
