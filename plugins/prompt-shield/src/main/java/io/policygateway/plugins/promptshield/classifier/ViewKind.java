package io.policygateway.plugins.promptshield.classifier;

/** The views of a text that rules run on; any view but {@link #BASE} means the text was hidden. */
enum ViewKind {
    /** Unicode-normalised (NFKC), invisible characters removed, lower-cased. */
    BASE("text"),
    /** Leetspeak, letter spacing, separators inside words and homoglyphs undone. */
    DEOBFUSCATED("deobfuscated"),
    BASE64("base64"),
    HEX("hex"),
    BINARY("binary"),
    URL_ENCODED("url_encoded"),
    MORSE("morse"),
    ROT13("rot13"),
    REVERSED("reversed"),
    /** Invisible Unicode tag characters that spell ASCII. */
    TAG_CHARACTERS("tag_characters"),
    /** Quoted fragments or variables joined in the order the text asks for. */
    ASSEMBLED("assembled"),
    /** First letters of lines or words. */
    ACROSTIC("acrostic");

    private final String wireName;

    ViewKind(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
