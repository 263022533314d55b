package io.policygateway.plugins.secretscan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM private keys (RSA, EC, DSA, OPENSSH, PKCS#8, encrypted) and PGP private key blocks, from the
 * BEGIN line to the matching END line, also inside JSON strings with {@code \n} escapes. A block
 * whose END line is missing (a truncated paste) still counts, up to the end of its base64 body.
 * Certificates and public keys are not secrets; an elided body ({@code ...}) is an example.
 */
final class PrivateKeyRule implements Rule {
    /** The longest block looked at, in characters; a 4096-bit RSA key in PEM is about 3,300. */
    static final int MAX_BLOCK = 16_384;
    private static final int MIN_BODY = 40;
    private static final Pattern BODY_LINE = Pattern.compile("[A-Za-z0-9+/=]+");
    private static final Pattern HEADER_LINE = Pattern.compile("[A-Za-z][A-Za-z\\-]*: \\S.*");
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?)-----");

    @Override
    public void find(String text, List<Candidate> out) {
        if (!text.contains("PRIVATE KEY")) {
            return;
        }
        Matcher begin = BEGIN.matcher(text);
        int from = 0;
        while (from < text.length() && begin.find(from)) {
            String end = "-----END " + begin.group(1) + "-----";
            int limit = Math.min(text.length(), begin.end() + MAX_BLOCK);
            int endAt = text.indexOf(end, begin.end());
            int blockEnd;
            if (endAt >= 0 && endAt < limit) {
                blockEnd = endAt + end.length();
            } else {
                blockEnd = endOfBody(text, begin.end(), limit);
            }
            if (base64Characters(text, begin.end(), blockEnd) >= MIN_BODY) {
                out.add(new Candidate(SecretType.PRIVATE_KEY, begin.start(), blockEnd, 0.99));
            }
            from = Math.max(blockEnd, begin.end());
        }
    }

    /**
     * Where the body of a block without END line stops: after the last line that is base64 (or an
     * RFC 1421 header such as {@code Proc-Type:} and the blank line after it). Lines end with a
     * newline or an escaped {@code \n}.
     */
    private static int endOfBody(String text, int from, int limit) {
        int position = from;
        int end = from;
        boolean afterHeader = false;
        while (position < limit) {
            int lineStart = position;
            int lineEnd = lineStart;
            while (lineEnd < limit && text.charAt(lineEnd) != '\n' && !text.startsWith("\\n", lineEnd)) {
                lineEnd++;
            }
            String line = text.substring(lineStart, lineEnd).strip();
            boolean body = !line.isEmpty() && BODY_LINE.matcher(line).matches();
            boolean header = HEADER_LINE.matcher(line).matches();
            if (body || header || (line.isEmpty() && (afterHeader || lineStart == from))) {
                if (body) {
                    end = lineStart + text.substring(lineStart, lineEnd).stripTrailing().length();
                }
                afterHeader = header;
            } else {
                break;
            }
            if (lineEnd >= limit) {
                break;
            }
            position = lineEnd + (text.charAt(lineEnd) == '\n' ? 1 : 2);
        }
        return end;
    }

    private static int base64Characters(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '/')) {
                count++;
            }
        }
        return count;
    }
}
