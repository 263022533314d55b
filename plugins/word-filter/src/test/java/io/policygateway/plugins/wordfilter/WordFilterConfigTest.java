package io.policygateway.plugins.wordfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordFilterConfigTest {
    private final Path home = Path.of(".");

    @Test
    void defaultsToBlockingWholeWordsInRequestsOnly() {
        WordFilterSettings settings = WordFilterSettings.from(Chats.config("{\"words\": [\"darn\"]}"), home);
        assertEquals(List.of("darn"), settings.terms());
        assertEquals(WordFilterAction.BLOCK, settings.action());
        assertEquals("[REDACTED]", settings.replacement());
        assertFalse(settings.leetspeak());
        assertTrue(settings.wholeWords());
        assertFalse(settings.scanResponses());
        assertEquals(64, settings.streamWindow());
    }

    @Test
    void readsTermsFromAFileAndFromPolicyCategories(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("banned.txt"), "# team list\nheck\n\nblast it\n");
        WordFilterSettings settings = WordFilterSettings.from(
                Chats.config("{\"wordsFile\": \"banned.txt\", \"categories\": [\"darn\"], \"action\": \"redact\"}"), directory);
        assertEquals(List.of("heck", "blast it", "darn"), settings.terms());
        assertEquals(WordFilterAction.REDACT, settings.action());
    }

    @Test
    void refusesAConfigWithoutTerms() {
        assertEquals("plugins[0].config.words",
                assertThrows(ConfigException.class, () -> WordFilterSettings.from(Chats.config("{}"), home)).path());
    }

    @Test
    void refusesAnUnknownKeyNamingItsPath() {
        assertEquals("plugins[0].config.word", assertThrows(ConfigException.class,
                () -> WordFilterSettings.from(Chats.config("{\"word\": [\"darn\"]}"), home)).path());
    }

    @Test
    void refusesATermWithoutLettersAndAMissingFile() {
        assertEquals("plugins[0].config.words[1]", assertThrows(ConfigException.class,
                () -> WordFilterSettings.from(Chats.config("{\"words\": [\"darn\", \"--\"]}"), home)).path());
        assertEquals("plugins[0].config.wordsFile", assertThrows(ConfigException.class,
                () -> WordFilterSettings.from(Chats.config("{\"wordsFile\": \"missing.txt\"}"), home)).path());
    }
}
