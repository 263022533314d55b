package io.policygateway.plugins.promptshield.classifier;

/**
 * Character statistics of a text that decide which decoders are worth running. Gathered by
 * {@link Counter} during the single tokenising pass of {@link ViewIndex}. Immutable.
 *
 * @param longestHexRun the longest token made only of hex digits
 * @param hexPairRun the most consecutive two-digit hex tokens ({@code 48 65 6c 6c}, {@code \x48\x65})
 * @param binaryByteRun the most consecutive eight-bit tokens ({@code 01101000 01101001})
 * @param percentEscapes {@code %XX} escapes
 * @param morseRun the longest run of dots and dashes (spaces and slashes included)
 * @param pluses {@code +} signs
 * @param assignments {@code =} signs
 * @param quotes quotation marks (apostrophes inside words not counted)
 * @param base64Candidates tokens long and varied enough to be worth trying as base64
 */
record TextShape(int longestHexRun, int hexPairRun, int binaryByteRun, int percentEscapes, int morseRun, int pluses,
        int assignments, int quotes, int base64Candidates) {
    static final int MIN_BASE64 = 16;

    /** Collects the statistics token by token and separator by separator. Not thread-safe. */
    static final class Counter {
        private int longestHexRun;
        private int pairs;
        private int hexPairRun;
        private int bytes;
        private int binaryByteRun;
        private int percentEscapes;
        private int morse;
        private int morseRun;
        private int pluses;
        private int assignments;
        private int quotes;
        private int base64Candidates;

        /** A character between tokens, at {@code at} in {@code text}. */
        void separator(String text, int at, char c) {
            switch (c) {
                case '.', '-', '_', '·', '•' -> morseRun = Math.max(morseRun, ++morse);
                case ' ', '/', '|' -> {
                }
                case '%' -> {
                    morse = 0;
                    percentEscapes += at + 2 < text.length() && isHex(text.charAt(at + 1)) && isHex(text.charAt(at + 2)) ? 1 : 0;
                }
                case '+' -> {
                    morse = 0;
                    pluses++;
                }
                case '=' -> {
                    morse = 0;
                    assignments++;
                }
                case '"', '“', '”', '`' -> {
                    morse = 0;
                    quotes++;
                }
                case '\'' -> {
                    morse = 0;
                    quotes += at > 0 && at + 1 < text.length() && Character.isLetter(text.charAt(at - 1))
                            && Character.isLetter(text.charAt(at + 1)) ? 0 : 1;
                }
                default -> morse = 0;
            }
        }

        /** A token {@code text[start, end)}; {@code digits} says whether it holds any. */
        void token(String text, int start, int end, boolean digits) {
            morse = 0;
            int length = end - start;
            if (length >= MIN_BASE64) {
                base64Candidates += digits || length >= 24 ? 1 : 0;
                if (allHex(text, start, end)) {
                    longestHexRun = Math.max(longestHexRun, length);
                }
            }
            boolean pair = (length == 2 && allHex(text, start, end))
                    || (length == 3 && text.charAt(start) == 'x' && allHex(text, start + 1, end));
            pairs = pair ? pairs + 1 : 0;
            hexPairRun = Math.max(hexPairRun, pairs);
            boolean octet = length == 8 && digits && allBits(text, start, end);
            bytes = octet ? bytes + 1 : 0;
            binaryByteRun = Math.max(binaryByteRun, bytes);
        }

        TextShape result() {
            return new TextShape(longestHexRun, hexPairRun, binaryByteRun, percentEscapes, morseRun, pluses, assignments,
                    quotes, base64Candidates);
        }

        private static boolean allHex(String text, int start, int end) {
            for (int i = start; i < end; i++) {
                if (!isHex(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean allBits(String text, int start, int end) {
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c != '0' && c != '1') {
                    return false;
                }
            }
            return true;
        }

        private static boolean isHex(char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
    }
}
