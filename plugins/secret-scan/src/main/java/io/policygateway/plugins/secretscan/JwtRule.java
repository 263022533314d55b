package io.policygateway.plugins.secretscan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON Web Tokens: the whole {@code header.payload.signature}, where the header decodes to a JSON
 * object with an {@code alg} or {@code typ}. A header on its own is not a token.
 */
final class JwtRule implements Rule {
    private static final Pattern JWT = Pattern.compile(
            "(?<![A-Za-z0-9_\\-])(eyJ[A-Za-z0-9_\\-]{8,})\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{16,}(?![A-Za-z0-9_\\-])");

    @Override
    public void find(String text, List<Candidate> out) {
        int at = text.indexOf("eyJ");
        Matcher matcher = at < 0 ? null : JWT.matcher(text).useTransparentBounds(true);
        while (at >= 0) {
            matcher.region(at, text.length());
            int next = at + 3;
            if (matcher.lookingAt() && headerNamesAnAlgorithm(matcher.group(1))) {
                out.add(new Candidate(SecretType.JWT, at, matcher.end(), 0.9));
                next = matcher.end();
            }
            at = text.indexOf("eyJ", next);
        }
    }

    private static boolean headerNamesAnAlgorithm(String header) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(stripPadding(header)), StandardCharsets.UTF_8);
            return json.startsWith("{") && (json.contains("\"alg\"") || json.contains("\"typ\""));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripPadding(String segment) {
        int length = segment.length();
        return length % 4 == 1 ? segment.substring(0, length - 1) : segment;
    }
}
