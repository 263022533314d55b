package io.policygateway.plugins.bedrock;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for request headers, as AWS specifies it: a canonical request (method,
 * canonical URI with each path segment URI-encoded once more — the rule for every service but S3 —,
 * sorted canonical query, lower-cased sorted headers with trimmed values, signed header list, hex
 * SHA-256 of the payload), the string to sign ({@code AWS4-HMAC-SHA256}, timestamp, scope, hash of
 * the canonical request) and the HMAC-SHA256 key chain {@code date → region → service → aws4_request}.
 * The session token, when present, is a signed {@code x-amz-security-token} header.
 *
 * <p>Stateless and thread-safe; verified against AWS's published test suite.
 */
final class SigV4Signer {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final HexFormat HEX = HexFormat.of();

    private final String service;
    private final String region;

    SigV4Signer(String service, String region) {
        this.service = requireNonNull(service, "service is null");
        this.region = requireNonNull(region, "region is null");
    }

    /** The intermediate values of one signature, exposed for verification against AWS's test suite. */
    record Signature(String canonicalRequest, String stringToSign, String signature, String signedHeaders,
            Map<String, String> headers) {
    }

    /**
     * Signs a request.
     *
     * @param headers the headers that will be sent (except {@code host}, which is taken from the URI)
     * @return the headers to add: {@code x-amz-date}, {@code x-amz-security-token} when there is a
     *     session token, and {@code authorization}
     */
    Signature sign(String method, URI uri, Map<String, String> headers, byte[] body, AwsCredentials credentials, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        Map<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) -> canonical.put(name.toLowerCase(Locale.ROOT), SPACES.matcher(value.strip()).replaceAll(" ")));
        canonical.put("host", host(uri));
        canonical.put("x-amz-date", amzDate);
        credentials.sessionToken().ifPresent(token -> canonical.put("x-amz-security-token", token));
        String signedHeaders = String.join(";", canonical.keySet());
        StringBuilder canonicalHeaders = new StringBuilder();
        canonical.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));

        String canonicalRequest = method + '\n' + canonicalUri(uri) + '\n' + canonicalQuery(uri) + '\n'
                + canonicalHeaders + '\n' + signedHeaders + '\n' + hex(sha256(body));
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = hex(hmac(key, stringToSign));

        Map<String, String> added = new LinkedHashMap<>();
        added.put("x-amz-date", amzDate);
        credentials.sessionToken().ifPresent(token -> added.put("x-amz-security-token", token));
        added.put("authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return new Signature(canonicalRequest, stringToSign, signature, signedHeaders, Map.copyOf(added));
    }

    /** RFC 3986 encoding of everything but the unreserved characters, as SigV4 requires. */
    static String uriEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static String host(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 443 && "https".equals(uri.getScheme())) || (port == 80 && "http".equals(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /** Each segment of the path as sent (already encoded) is encoded once more. */
    private static String canonicalUri(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(uriEncode(segment));
        }
        return String.join("/", segments);
    }

    private static String canonicalQuery(URI uri) {
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            pairs.add(new String[] {uriEncode(name), uriEncode(value)});
        }
        pairs.sort((left, right) -> left[0].equals(right[0]) ? left[1].compareTo(right[1]) : left[0].compareTo(right[0]));
        List<String> joined = new ArrayList<>();
        pairs.forEach(pair -> joined.add(pair[0] + "=" + pair[1]));
        return String.join("&", joined);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
