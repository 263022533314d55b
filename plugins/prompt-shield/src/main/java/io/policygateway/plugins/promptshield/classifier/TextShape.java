package io.policygateway.plugins.promptshield.classifier;

/**
 * Character statistics of a text that decide which decoders are worth running, gathered in one
 * table-driven pass. Immutable.
 *
 * @param longestHexRun the longest run of hex digits
 * @param hexPairRun the most consecutive two-digit hex tokens ({@code 48 65 6c 6c})
 * @param binaryByteRun the most consecutive eight-bit tokens ({@code 01101000 01101001})
 * @param percentEscapes {@code %XX} escapes
 * @param morseRun the longest run of dots and dashes (spaces and slashes included)
 * @param pluses {@code +} signs
 * @param assignments {@code =} signs
 * @param quotes quotation marks (apostrophes inside words not counted)
 * @param base64Candidates runs of base64 characters long and varied enough to try decoding
 */
record TextShape(int longestHexRun, int hexPairRun, int binaryByteRun, int percentEscapes, int morseRun, int pluses,
        int assignments, int quotes, int base64Candidates) {
    static final int MIN_BASE64 = 16;
    private static final int BASE64 = 1;
    private static final int BASE64_MARK = 2;
    private static final int HEX = 4;
    private static final int BIT = 8;
    private static final int MORSE = 16;
    private static final int HEX_GAP = 32;
    private static final int BIT_GAP = 64;
    private static final int MORSE_GAP = 128;
    private static final int[] FLAGS = new int[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            FLAGS[c] |= BASE64 | (c <= 'F' ? HEX : 0);
        }
        for (char c = 'a'; c <= 'z'; c++) {
            FLAGS[c] |= BASE64 | (c <= 'f' ? HEX : 0);
        }
        for (char c = '0'; c <= '9'; c++) {
            FLAGS[c] |= BASE64 | BASE64_MARK | HEX | (c <= '1' ? BIT : 0);
        }
        FLAGS['+'] |= BASE64 | BASE64_MARK;
        FLAGS['/'] |= BASE64 | BASE64_MARK | MORSE_GAP;
        FLAGS['='] |= BASE64;
        FLAGS['-'] |= BASE64 | MORSE;
        FLAGS['_'] |= BASE64 | MORSE;
        FLAGS['.'] |= MORSE;
        FLAGS[' '] |= HEX_GAP | BIT_GAP | MORSE_GAP;
        FLAGS[':'] |= HEX_GAP;
        FLAGS[','] |= HEX_GAP | BIT_GAP;
        FLAGS['\\'] |= HEX_GAP;
        FLAGS['x'] |= HEX_GAP;
        FLAGS['|'] |= MORSE_GAP;
    }

    static TextShape of(String text) {
        int hexRun = 0;
        int longestHexRun = 0;
        int pairs = 0;
        int hexPairRun = 0;
        int bitRun = 0;
        int bytes = 0;
        int binaryByteRun = 0;
        int morse = 0;
        int morseRun = 0;
        int percentEscapes = 0;
        int pluses = 0;
        int assignments = 0;
        int quotes = 0;
        int base64Run = 0;
        int base64Candidates = 0;
        boolean base64Marked = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            int flags = c < 128 ? FLAGS[c] : (c == '·' || c == '•' ? MORSE : 0);
            if ((flags & BASE64) != 0) {
                base64Run++;
                base64Marked |= (flags & BASE64_MARK) != 0;
            } else {
                base64Candidates += base64Run >= MIN_BASE64 && (base64Marked || base64Run >= 24) ? 1 : 0;
                base64Run = 0;
                base64Marked = false;
            }
            if ((flags & HEX) != 0) {
                longestHexRun = Math.max(longestHexRun, ++hexRun);
            } else {
                if (hexRun == 2) {
                    hexPairRun = Math.max(hexPairRun, ++pairs);
                } else if (hexRun > 0 || (flags & HEX_GAP) == 0) {
                    pairs = 0;
                }
                hexRun = 0;
            }
            if ((flags & BIT) != 0) {
                bitRun++;
            } else {
                if (bitRun == 8) {
                    binaryByteRun = Math.max(binaryByteRun, ++bytes);
                } else if (bitRun > 0 || (flags & BIT_GAP) == 0) {
                    bytes = 0;
                }
                bitRun = 0;
            }
            if ((flags & MORSE) != 0) {
                morseRun = Math.max(morseRun, ++morse);
            } else if ((flags & MORSE_GAP) == 0) {
                morse = 0;
            }
            if (flags == 0 || c == '=' || c == '+') {
                switch (c) {
                    case '%' -> percentEscapes += i + 2 < length && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2)) ? 1 : 0;
                    case '+' -> pluses++;
                    case '=' -> assignments++;
                    case '"', '“', '”', '`' -> quotes++;
                    case '\'' -> quotes += i > 0 && i + 1 < length && Character.isLetter(text.charAt(i - 1))
                            && Character.isLetter(text.charAt(i + 1)) ? 0 : 1;
                    default -> {
                    }
                }
            }
        }
        base64Candidates += base64Run >= MIN_BASE64 && (base64Marked || base64Run >= 24) ? 1 : 0;
        if (bitRun == 8) {
            binaryByteRun = Math.max(binaryByteRun, bytes + 1);
        }
        return new TextShape(longestHexRun, hexPairRun, binaryByteRun, percentEscapes, morseRun, pluses, assignments, quotes,
                base64Candidates);
    }

    private static boolean isHex(char c) {
        return c < 128 && (FLAGS[c] & HEX) != 0;
    }
}
