package io.policygateway.plugins.promptshield.classifier;

import java.util.List;

/** Every space-separated language other than English that the rules cover. */
final class Lexicons {
    private Lexicons() {
    }

    static final List<LanguageLexicon> ALL = List.of(EuropeanLexicons.GERMAN, EuropeanLexicons.FRENCH,
            EuropeanLexicons.SPANISH, EuropeanLexicons.ITALIAN, EuropeanLexicons.PORTUGUESE, OtherLexicons.RUSSIAN,
            OtherLexicons.HINDI_LATIN, EuropeanLexicons.DUTCH, EuropeanLexicons.POLISH, OtherLexicons.TURKISH,
            OtherLexicons.INDONESIAN, OtherLexicons.ARABIC);
}
