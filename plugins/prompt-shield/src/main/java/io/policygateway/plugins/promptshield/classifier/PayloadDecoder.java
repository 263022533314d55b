package io.policygateway.plugins.promptshield.classifier;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds encoded payloads in a text and decodes them: base64, hex, binary, percent-encoding and
 * Morse by their shape; ROT13, reversed text, assembled fragments and acrostics only when the text
 * asks for them (a model cannot be told to obey a cipher without being told it is one). Only
 * decodings that read as text are kept. Stateless and thread-safe.
 */
final class PayloadDecoder {
    private static final Pattern HEX = Pattern.compile("(?<![0-9a-zA-Z])(?:(?:\\\\x|0x)?[0-9a-fA-F]{2}[\\s:,]?+){8,}+");
    private static final Pattern BINARY = Pattern.compile("(?<![0-9])(?:[01]{8}[\\s,]?+){4,}+");
    private static final Pattern PERCENT = Pattern.compile("(?:[A-Za-z0-9._~+\\-]{0,24}+%[0-9a-fA-F]{2}){3,}+[A-Za-z0-9._~+\\-]*+");
    private static final Pattern MORSE = Pattern.compile("(?:[.\\-·•_]{1,8}(?:[ \\t]{1,3}|[ \\t]*[/|][ \\t]*)){4,}[.\\-·•_]{1,8}");
    private static final String[] MORSE_CODES = {".-", "-...", "-.-.", "-..", ".", "..-.", "--.", "....", "..", ".---",
        "-.-", ".-..", "--", "-.", "---", ".--.", "--.-", ".-.", "...", "-", "..-", "...-", ".--", "-..-", "-.--", "--..",
        "-----", ".----", "..---", "...--", "....-", ".....", "-....", "--...", "---..", "----."};

    /** A decoded payload and how it was hidden. */
    record Decoded(ViewKind kind, String text) {
        Decoded {
            requireNonNull(kind, "kind is null");
            requireNonNull(text, "text is null");
        }
    }

    /** Vocabulary ids of the words that ask for a cipher, a reversal, an assembly or an acrostic. */
    record Requests(int[] rot13, int[] reverse, int[] assemble, int[] acrostic) {
    }

    private final Requests requests;
    private final WordSegmenter segmenter;

    PayloadDecoder(Requests requests, WordSegmenter segmenter) {
        this.requests = requireNonNull(requests, "requests is null");
        this.segmenter = requireNonNull(segmenter, "segmenter is null");
    }

    List<Decoded> decode(TextNormalizer.NormalizedText text, ViewIndex base) {
        List<Decoded> out = new ArrayList<>(2);
        String cased = text.cased();
        TextShape shape = base.shape();
        if (shape.base64Candidates() > 0) {
            base64(cased, out);
        }
        if (shape.longestHexRun() >= 16 || shape.hexPairRun() >= 8) {
            collect(HEX, cased, ViewKind.HEX, PayloadDecoder::decodeHex, out);
        }
        if (shape.binaryByteRun() >= 4) {
            collect(BINARY, cased, ViewKind.BINARY, PayloadDecoder::decodeBinary, out);
        }
        if (shape.percentEscapes() >= 3) {
            collect(PERCENT, cased, ViewKind.URL_ENCODED, PayloadDecoder::decodePercent, out);
        }
        if (shape.morseRun() >= 12) {
            collect(MORSE, cased, ViewKind.MORSE, PayloadDecoder::decodeMorse, out);
        }
        String lower = text.lower();
        if (any(base, requests.rot13())) {
            out.add(new Decoded(ViewKind.ROT13, rot13(lower)));
        }
        if (any(base, requests.reverse())) {
            out.add(new Decoded(ViewKind.REVERSED, new StringBuilder(lower).reverse() + "\n" + reverseEachWord(lower)));
        }
        java.util.Map<String, String> fragments = shape.assignments() > 0 || shape.quotes() >= 4
                ? FragmentAssembler.assignments(lower) : java.util.Map.of();
        boolean joinQuotes = shape.quotes() >= 4 && (shape.pluses() > 0 || any(base, requests.assemble()));
        if (fragments.size() >= 2 || joinQuotes) {
            FragmentAssembler.assemble(lower, fragments, segmenter)
                    .ifPresent(assembled -> out.add(new Decoded(ViewKind.ASSEMBLED, assembled)));
        }
        if (any(base, requests.acrostic())) {
            out.add(new Decoded(ViewKind.ACROSTIC, FragmentAssembler.acrostic(lower, segmenter)));
        }
        return out;
    }

    private static boolean any(ViewIndex view, int[] ids) {
        for (int id : ids) {
            if (view.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private static void base64(String text, List<Decoded> out) {
        int i = 0;
        while (i < text.length()) {
            if (!isBase64(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean digit = false;
            boolean upper = false;
            boolean lower = false;
            boolean symbol = false;
            while (i < text.length() && isBase64(text.charAt(i))) {
                char c = text.charAt(i);
                digit |= c >= '0' && c <= '9';
                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
                symbol |= c == '+' || c == '/';
                i++;
            }
            if (i - start >= TextShape.MIN_BASE64 && upper && lower && (digit || symbol || i - start >= 24)) {
                String decoded = decodeBase64(text.substring(start, i));
                if (decoded != null) {
                    String again = decoded.length() >= TextShape.MIN_BASE64 && decoded.indexOf(' ') < 0 ? decodeBase64(decoded.trim()) : null;
                    out.add(new Decoded(ViewKind.BASE64, TextNormalizer.normalize(again != null ? again : decoded).lower()));
                }
            }
        }
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '=' || c == '-' || c == '_';
    }

    private static String decodeBase64(String candidate) {
        String body = candidate.replace("=", "").replace('-', '+').replace('_', '/');
        if (body.length() % 4 == 1) {
            body = body.substring(0, body.length() - 1);
        }
        try {
            return readableText(Base64.getDecoder().decode(body + "==".substring(0, (4 - body.length() % 4) % 4)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private interface Decoding {
        String decode(String match);
    }

    private static void collect(Pattern pattern, String text, ViewKind kind, Decoding decoding, List<Decoded> out) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (matcher.find()) {
            String value = decoding.decode(matcher.group());
            if (value != null) {
                decoded.append(value).append('\n');
            }
        }
        if (!decoded.isEmpty()) {
            out.add(new Decoded(kind, TextNormalizer.normalize(decoded.toString()).lower()));
        }
    }

    private static String decodeHex(String match) {
        String digits = match.replace("\\x", "").replace("0x", "").replaceAll("[\\s:,]", "");
        if (digits.length() % 2 != 0) {
            digits = digits.substring(0, digits.length() - 1);
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return readableText(bytes);
    }

    private static String decodeBinary(String match) {
        String bits = match.replaceAll("[\\s,]", "");
        byte[] bytes = new byte[bits.length() / 8];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(bits.substring(8 * i, 8 * i + 8), 2);
        }
        return readableText(bytes);
    }

    private static String decodePercent(String match) {
        if (count(match, '%') < 4) {
            return null;
        }
        try {
            return readableText(java.net.URLDecoder.decode(match, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decodeMorse(String match) {
        StringBuilder out = new StringBuilder();
        int known = 0;
        int total = 0;
        for (String word : match.trim().split("\\s*[/|]\\s*|\\s{3,}")) {
            for (String letter : word.trim().split("\\s+")) {
                String code = letter.replace('·', '.').replace('•', '.').replace('_', '-');
                if (code.isEmpty()) {
                    continue;
                }
                total++;
                for (int i = 0; i < MORSE_CODES.length; i++) {
                    if (MORSE_CODES[i].equals(code)) {
                        out.append(i < 26 ? (char) ('a' + i) : (char) ('0' + i - 26));
                        known++;
                        break;
                    }
                }
            }
            out.append(' ');
        }
        return total >= 5 && known * 10 >= total * 8 ? out.toString().trim() : null;
    }

    /** The bytes as UTF-8 text when they read as text (mostly letters, spaces and punctuation), else null. */
    static String readableText(byte[] bytes) {
        if (bytes.length < 6) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        int letters = 0;
        int readable = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                readable++;
            } else if (Character.isDigit(c) || Character.isWhitespace(c) || (c >= 0x20 && c < 0x7F)) {
                readable++;
            }
        }
        return readable * 10 >= text.length() * 9 && letters * 2 >= text.length() ? text : null;
    }

    static String rot13(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'a' && c <= 'z') {
                chars[i] = (char) ('a' + (c - 'a' + 13) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) ('A' + (c - 'A' + 13) % 26);
            }
        }
        return new String(chars);
    }

    private static String reverseEachWord(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String word : text.split(" ")) {
            out.append(new StringBuilder(word).reverse()).append(' ');
        }
        return out.toString();
    }

    private static int count(String text, char wanted) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                count++;
            }
        }
        return count;
    }

}
