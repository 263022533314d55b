package io.policygateway.plugins.secretscan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials that have no vendor shape, recognised by what they are assigned to: a key named like
 * a credential ({@code api_key}, {@code client_secret}, {@code SECRET_KEY}, {@code DB_PASSWORD},
 * {@code X-API-Key}, {@code "auth token"}, ...) in code, config, env files, headers, JSON or prose
 * ("the API key is ..."), plus HTTP Basic credentials, opaque Bearer tokens and {@code mysql -p}
 * passwords. The span is the value, without quotes. The value must look like a credential: not a
 * placeholder, masked value or reference to an environment variable, and random enough
 * (a separator-less or prose assignment needs a long, high-entropy value).
 *
 * <p>An assigned value of 40 base64 characters under a key naming an AWS secret (or a
 * {@code secret_key} next to an AWS access key id) is reported as {@code aws_secret_access_key}.
 */
final class CredentialAssignmentRule implements Rule {
    private static final String SEPARATOR = "[_.\\- ]?";
    private static final String CREDENTIAL_WORD = "(?:api" + SEPARATOR + "key|apikey|api" + SEPARATOR + "token"
            + "|secret(?:" + SEPARATOR + "access)?(?:" + SEPARATOR + "key)?|client" + SEPARATOR + "secret"
            + "|(?:access|auth|refresh|bearer|session|bot|personal" + SEPARATOR + "access)" + SEPARATOR + "token|authtoken|token"
            + "|password|passwd|passphrase|pwd|passwort|kennwort|contrase(?:ñ|n)a|senha|mot de passe"
            + "|(?:private|encryption|signing|master|session|license|auth)" + SEPARATOR + "key|credentials?)";
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![A-Za-z0-9])(?<key>[A-Za-z0-9_.\\-]{0,40}?" + CREDENTIAL_WORD + "(?:[_.\\-][A-Za-z0-9]+){0,4})(?![A-Za-z0-9])"
                    + "['\"]?\\s*(?<operator>:=|=>|=|:|\\s+is\\s+|\\s+was\\s+|\\s+(?=\\S))\\s*"
                    + "(?:\"(?<double>[^\"\\n]{1,300})\"|'(?<single>[^'\\n]{1,300})'|(?<bare>[^\\s'\"`,;<>(){}\\[\\]]{1,300}))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BASIC = Pattern.compile("\\bBasic\\s+(?<value>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])");
    private static final Pattern BEARER = Pattern.compile("\\bBearer\\s+(?<value>[A-Za-z0-9._~+/\\-]{16,}=*)(?![A-Za-z0-9._~+/=\\-])");
    private static final Pattern MYSQL_PASSWORD = Pattern.compile(
            "\\bmysql(?:dump|admin|sh)?\\b[^\\n]{0,200}?\\s-p(?<value>[^\\s'\"]{3,})");
    private static final Pattern CURL_USER = Pattern.compile(
            "\\bcurl\\b[^\\n]{0,300}?\\s(?:-u|--user)\\s*['\"]?[^\\s:'\"]{1,64}:(?<value>[^\\s'\"]{3,128})");
    /** Key names that end like this name something about a credential, not the credential itself. */
    private static final Pattern NOT_A_CREDENTIAL_KEY = Pattern.compile(
            "(?:url|uri|endpoint|host|header|name|type|path|file|dir|length|size|count|limit|expires?|expiry|expires_in|ttl"
                    + "|timeout|format|field|param|policy|hash|hashed|digest|salt|rotation|prompt|label|hint|id)$");
    private static final Pattern PASSWORD_KEY = Pattern.compile("pass|pwd|kennwort|contrase|senha", Pattern.CASE_INSENSITIVE);
    private static final Pattern AWS_SECRET_SHAPE = Pattern.compile("[A-Za-z0-9/+]{40}");
    /** Words every credential key name contains (lower case). */
    private static final String[] ANCHOR_WORDS = {"key", "secret", "token", "pass", "pwd", "credential", "kennwort",
        "contrase", "senha"};
    private static final String[] KEYWORDS = {"key", "secret", "token", "pass", "pwd", "credential", "basic", "bearer", "mysql",
        "curl", "kennwort", "contrase", "senha"};

    @Override
    public void find(String text, List<Candidate> out) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!mentionsAny(lower)) {
            return;
        }
        Matcher matcher = ASSIGNMENT.matcher(text).useTransparentBounds(true);
        if (lower.length() != text.length()) {
            while (matcher.find()) {
                accept(text, matcher, out);
            }
        } else {
            findAtKeywords(text, lower, matcher, out);
        }
        if (lower.contains("basic")) {
            findBasicCredentials(text, out);
        }
        if (lower.contains("bearer")) {
            Matcher bearer = BEARER.matcher(text);
            while (bearer.find()) {
                if (SecretValues.isStrong(bearer.group("value"))) {
                    out.add(new Candidate(SecretType.GENERIC_SECRET, bearer.start("value"), bearer.end("value"), 0.55));
                }
            }
        }
        if (lower.contains("curl")) {
            Matcher curl = CURL_USER.matcher(text);
            while (curl.find()) {
                if (SecretValues.isAssignable(curl.group("value"))) {
                    out.add(new Candidate(SecretType.GENERIC_SECRET, curl.start("value"), curl.end("value"), 0.6));
                }
            }
        }
        if (lower.contains("mysql")) {
            Matcher mysql = MYSQL_PASSWORD.matcher(text);
            while (mysql.find()) {
                if (!SecretValues.isPlaceholder(mysql.group("value")) && !SecretValues.isReference(mysql.group("value"))) {
                    out.add(new Candidate(SecretType.GENERIC_SECRET, mysql.start("value"), mysql.end("value"), 0.6));
                }
            }
        }
    }

    /**
     * Whether the value is credible for how it was assigned: an explicit {@code =} or {@code :}
     * needs an assignable value; prose ("is") or a bare space needs a strong one, except that a
     * password stated in prose may be short ("my password is hunter2").
     */
    private static boolean acceptable(String key, String operator, String value) {
        boolean explicit = operator.equals("=") || operator.equals(":") || operator.equals(":=") || operator.equals("=>");
        boolean password = PASSWORD_KEY.matcher(key).find();
        if (explicit) {
            return SecretValues.isAssignable(value) || (password && SecretValues.isShortPassword(value));
        }
        boolean prose = operator.equals("is") || operator.equals("was");
        return SecretValues.isStrong(value) || (prose && password && SecretValues.isShortPassword(value));
    }

    /**
     * Runs the assignment pattern only where a credential word occurs: from the start of the key
     * name around it (up to two space-separated words before, as in "secret access key"). Scanning
     * the whole prompt with the pattern would cost far more.
     */
    private static void findAtKeywords(String text, String lower, Matcher matcher, List<Candidate> out) {
        int covered = 0;
        for (String keyword : ANCHOR_WORDS) {
            int at = lower.indexOf(keyword);
            while (at >= 0) {
                if (at >= covered) {
                    int end = tryKeyStarts(text, at, matcher, out);
                    covered = Math.max(covered, end);
                }
                at = lower.indexOf(keyword, at + keyword.length());
            }
        }
    }

    /** Tries the pattern from the widest plausible start of the key name; returns the end of a match or -1. */
    private static int tryKeyStarts(String text, int keyword, Matcher matcher, List<Candidate> out) {
        int[] starts = new int[3];
        int count = 0;
        int start = keyword;
        while (start > 0 && keyword - start < 40 && isKeyCharacter(text.charAt(start - 1))) {
            start--;
        }
        starts[count++] = start;
        for (int word = 0; word < 2 && start > 1 && text.charAt(start - 1) == ' ' && Character.isLetter(text.charAt(start - 2)); word++) {
            start -= 1;
            while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                start--;
            }
            starts[count++] = start;
        }
        for (int i = count - 1; i >= 0; i--) {
            matcher.region(starts[i], Math.min(text.length(), keyword + 400));
            if (matcher.lookingAt()) {
                accept(text, matcher, out);
                return matcher.end();
            }
        }
        return -1;
    }

    private static boolean isKeyCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private static void accept(String text, Matcher matcher, List<Candidate> out) {
        int valueGroup = matcher.start("double") >= 0 ? 1 : matcher.start("single") >= 0 ? 2 : 3;
        String group = valueGroup == 1 ? "double" : valueGroup == 2 ? "single" : "bare";
        int start = matcher.start(group);
        int end = valueGroup == 3 ? trimEnd(text, start, matcher.end(group)) : matcher.end(group);
        String value = text.substring(start, end);
        String key = matcher.group("key").toLowerCase(Locale.ROOT);
        if (NOT_A_CREDENTIAL_KEY.matcher(key).find() || value.contains("://")) {
            return;
        }
        if (!acceptable(key, matcher.group("operator").trim(), value)) {
            return;
        }
        SecretType type = isAwsSecret(key, value, text, matcher.start()) ? SecretType.AWS_SECRET_ACCESS_KEY : SecretType.GENERIC_SECRET;
        out.add(new Candidate(type, start, end, type == SecretType.AWS_SECRET_ACCESS_KEY ? 0.8 : 0.6));
    }

    private static boolean mentionsAny(String lower) {
        for (String keyword : KEYWORDS) {
            if (lower.contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    private static void findBasicCredentials(String text, List<Candidate> out) {
        Matcher basic = BASIC.matcher(text);
        while (basic.find()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(basic.group("value")), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0 && colon < decoded.length() - 1 && decoded.chars().allMatch(c -> c >= 32 && c < 127)
                        && !SecretValues.isPlaceholder(decoded.substring(colon + 1))) {
                    out.add(new Candidate(SecretType.GENERIC_SECRET, basic.start("value"), basic.end("value"), 0.6));
                }
            } catch (IllegalArgumentException notBase64) {
                // not credentials
            }
        }
    }

    private static boolean isAwsSecret(String key, String value, String text, int keyStart) {
        if (!AWS_SECRET_SHAPE.matcher(value).matches()) {
            return false;
        }
        String compact = key.replace("_", "").replace("-", "").replace(".", "").replace(" ", "");
        if (compact.contains("secretaccesskey") || (compact.contains("aws") && compact.contains("secret"))) {
            return true;
        }
        if (compact.endsWith("secretkey")) {
            int from = Math.max(0, keyStart - 300);
            int to = Math.min(text.length(), keyStart + 300);
            String around = text.substring(from, to);
            return around.contains("AKIA") || around.contains("ASIA") || around.toLowerCase(Locale.ROOT).contains("aws");
        }
        return false;
    }

    /** Drops trailing sentence punctuation from an unquoted value. */
    private static int trimEnd(String text, int start, int end) {
        int position = end;
        while (position > start && ".:!?".indexOf(text.charAt(position - 1)) >= 0) {
            position--;
        }
        return position;
    }
}
