package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Brings text into the form rules are written for: Unicode NFKC (full-width and mathematical
 * letters become plain ones), invisible characters removed, lower case. Invisible Unicode tag
 * characters, which spell ASCII text no one sees, are collected separately so the hidden text can
 * be checked on its own.
 */
final class TextNormalizer {
    private TextNormalizer() {
    }

    /**
     * @param cased NFKC text without invisible characters, case kept (decoders need it)
     * @param lower the same, lower-cased
     * @param invisibleInsideWords zero-width characters found between two Latin letters
     * @param tagText the ASCII spelled by Unicode tag characters, empty when none
     */
    record NormalizedText(String cased, String lower, int invisibleInsideWords, String tagText) {
        NormalizedText {
            requireNonNull(cased, "cased is null");
            requireNonNull(lower, "lower is null");
            requireNonNull(tagText, "tagText is null");
        }
    }

    static NormalizedText normalize(String text) {
        requireNonNull(text, "text is null");
        String asciiLower = asciiLowerCase(text);
        if (asciiLower != null) {
            return new NormalizedText(text, asciiLower, 0, "");
        }
        StringBuilder visible = new StringBuilder(text.length());
        StringBuilder tags = new StringBuilder();
        int invisibleInsideWords = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (codePoint >= 0xE0020 && codePoint <= 0xE007E) {
                tags.append((char) (codePoint - 0xE0000));
            } else if (isInvisible(codePoint)) {
                if (isZeroWidth(codePoint) && i > 0 && i + width < text.length()
                        && isLatinLetter(text.charAt(i - 1)) && isLatinLetter(text.charAt(i + width))) {
                    invisibleInsideWords++;
                }
            } else {
                visible.appendCodePoint(codePoint);
            }
            i += width;
        }
        String cased = visible.toString();
        if (!Normalizer.isNormalized(cased, Normalizer.Form.NFKC)) {
            cased = Normalizer.normalize(cased, Normalizer.Form.NFKC);
        }
        return new NormalizedText(cased, cased.toLowerCase(Locale.ROOT), invisibleInsideWords, tags.toString());
    }

    /** The text lower-cased when it is all ASCII (the common case, in one pass), else null. */
    private static String asciiLowerCase(String text) {
        byte[] lower = new byte[text.length()];
        for (int i = 0; i < lower.length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            lower[i] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return new String(lower, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean isInvisible(int codePoint) {
        return isZeroWidth(codePoint)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2061 && codePoint <= 0x2064)
                || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x00AD || codePoint == 0x180E || codePoint == 0x034F
                || codePoint == 0xE0001 || codePoint == 0xE007F;
    }

    private static boolean isZeroWidth(int codePoint) {
        return (codePoint >= 0x200B && codePoint <= 0x200F) || codePoint == 0x2060 || codePoint == 0xFEFF;
    }

    private static boolean isLatinLetter(char c) {
        return c < 0x250 && Character.isLetter(c);
    }
}
