package io.policygateway.plugins.promptshield.classifier;

/**
 * Cyrillic and Greek letters that look like Latin ones. Only words that mix scripts are folded, so
 * Russian or Greek text itself is left alone.
 */
final class Homoglyphs {
    private static final String FROM = "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04cf\u0432\u043a\u043c\u043d\u0442\u0433\u043f\u044c\u0475\u051b\u051d\u0457\u0451\u04bb\u03bf\u03bd\u03b9\u03ba\u03c4\u03b1\u03b2\u03b5\u03b7\u03bc\u03c1\u03c7\u03b6\u03c5\u03c9\u03b3";
    private static final String TO = "aeopcyxijsdlbkmhtrnbvqwiehoviktabenupxzuwy";

    private Homoglyphs() {
    }

    /** The text with look-alike letters replaced inside words that mix Latin with Cyrillic or Greek. */
    static String foldMixedScriptWords(String text) {
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean latin = false;
            boolean other = false;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                char c = text.charAt(i);
                latin |= c < 0x250;
                other |= c >= 0x370 && c < 0x530;
                i++;
            }
            if (latin && other) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                for (int j = start; j < i; j++) {
                    int index = FROM.indexOf(text.charAt(j));
                    if (index >= 0) {
                        out.setCharAt(j, TO.charAt(index));
                    }
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
