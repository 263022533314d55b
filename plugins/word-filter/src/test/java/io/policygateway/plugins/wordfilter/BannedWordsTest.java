package io.policygateway.plugins.wordfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BannedWordsTest {
    private final BannedWords banned = new BannedWords(List.of("darn", "Heck", "blast it"), false, true);

    private List<String> found(BannedWords words, String text) {
        return words.find(text).stream().map(match -> text.substring(match.start(), match.end())).toList();
    }

    @Test
    void matchesWholeWordsWhateverTheirCase() {
        assertEquals(List.of("DARN", "heck"), found(banned, "DARN it, what the heck."));
    }

    @Test
    void leavesWordsThatMerelyContainATermAlone() {
        assertEquals(List.of(), found(banned, "The darning needle is at Heckmondwike station."));
    }

    @Test
    void matchesPhrasesAcrossAnySeparators() {
        assertEquals(List.of("blast  it", "Blast-it"), found(banned, "Oh blast  it! Blast-it again."));
    }

    @Test
    void seesThroughLookAlikeLettersFromOtherScripts() {
        String cyrillic = "h\u0435ck";
        String greek = "d\u03b1rn";
        assertEquals(List.of(cyrillic, greek), found(banned, "what the " + cyrillic + " and " + greek));
    }

    @Test
    void seesThroughZeroWidthCharactersAccentsAndFullWidthLetters() {
        String zeroWidth = "da\u200brn";
        String fullWidth = "\uff48\uff45\uff43\uff4b";
        assertEquals(List.of(zeroWidth, "dárn", fullWidth), found(banned, zeroWidth + ", dárn, " + fullWidth));
    }

    @Test
    void readsLeetspeakOnlyWhenAskedTo() {
        assertEquals(List.of(), found(banned, "h3ck and d@rn"));
        BannedWords leet = new BannedWords(List.of("heck", "darn"), true, true);
        assertEquals(List.of("h3ck", "d@rn"), found(leet, "h3ck and d@rn, but 2024 and wow! stay"));
    }

    @Test
    void matchesTermsInScriptsWithoutSpacesAnywhere() {
        BannedWords chinese = new BannedWords(List.of("禁止词"), false, true);
        assertEquals(List.of("禁止词"), found(chinese, "这是禁止词的例子"));
    }

    @Test
    void matchesInsideWordsWhenWholeWordMatchingIsOff() {
        BannedWords anywhere = new BannedWords(List.of("darn"), false, false);
        assertEquals(List.of("darn"), found(anywhere, "darning"));
    }
}
