package io.policygateway.plugins.secretscan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials whose vendor gives them a recognisable prefix and shape: AWS access key ids, GitHub,
 * Slack, Stripe (secret and restricted keys; publishable {@code pk_} keys are public by design),
 * OpenAI, Anthropic and Google API keys, and npm, Hugging Face, SendGrid and GitLab tokens
 * (reported as generic secrets). Format-shaped placeholders ({@code ghp_xxxx...}) and documented
 * example keys are skipped.
 *
 * <p>One pass splits the text into runs of token characters; only runs of at least
 * {@value #SHORTEST} characters that start with a known prefix are matched against a shape, so a
 * text without credentials costs a single scan.
 */
final class VendorTokenRule implements Rule {
    private static final int SHORTEST = 18;
    private static final String AFTER = "(?![A-Za-z0-9_\\-])";

    private record Shape(SecretType type, List<String> prefixes, Pattern pattern, int bodyStart) {
    }

    private static final List<Shape> SHAPES = List.of(
            shape(SecretType.AWS_ACCESS_KEY_ID, List.of("AKIA", "ASIA", "ABIA", "ACCA"), "A[A-Z]{3}[A-Z2-7]{16}(?![A-Za-z0-9])", 4),
            shape(SecretType.GITHUB_TOKEN, List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), "gh[pousr]_[A-Za-z0-9]{36}" + AFTER, 4),
            shape(SecretType.GITHUB_TOKEN, List.of("github_pat_"), "github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}" + AFTER, 11),
            shape(SecretType.SLACK_TOKEN, List.of("xoxb-", "xoxp-", "xoxa-", "xoxo-", "xoxs-", "xoxr-"),
                    "xox[abposr]-\\d{6,}-[A-Za-z0-9\\-]{10,}" + AFTER, 5),
            shape(SecretType.SLACK_TOKEN, List.of("xoxe"), "xoxe(?:\\.xox[bp])?-\\d-[A-Za-z0-9]{20,}" + AFTER, 5),
            shape(SecretType.SLACK_TOKEN, List.of("xapp-"), "xapp-\\d-[A-Za-z0-9]{6,}-\\d+-[A-Za-z0-9]{20,}" + AFTER, 5),
            shape(SecretType.STRIPE_KEY, List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_"),
                    "[sr]k_(?:live|test)_[A-Za-z0-9]{10,247}" + AFTER, 8),
            shape(SecretType.STRIPE_KEY, List.of("whsec_"), "whsec_[A-Za-z0-9]{24,}" + AFTER, 6),
            shape(SecretType.ANTHROPIC_KEY, List.of("sk-ant-"), "sk-ant-[a-z]{2,10}\\d{0,3}-[A-Za-z0-9_\\-]{20,}" + AFTER, 14),
            shape(SecretType.OPENAI_KEY, List.of("sk-proj-", "sk-svcacct-", "sk-admin-"),
                    "sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\\-]{20,}" + AFTER, 8),
            shape(SecretType.OPENAI_KEY, List.of("sk-"), "sk-[A-Za-z0-9]{32,}" + AFTER, 3),
            shape(SecretType.GOOGLE_API_KEY, List.of("AIza"), "AIza[0-9A-Za-z_\\-]{35}" + AFTER, 4),
            shape(SecretType.GENERIC_SECRET, List.of("npm_"), "npm_[A-Za-z0-9]{36}" + AFTER, 4),
            shape(SecretType.GENERIC_SECRET, List.of("hf_"), "hf_[A-Za-z]{34}" + AFTER, 3),
            shape(SecretType.GENERIC_SECRET, List.of("SG."), "SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43}" + AFTER, 3),
            shape(SecretType.GENERIC_SECRET, List.of("glpat-"), "glpat-[A-Za-z0-9_\\-]{20}" + AFTER, 6));
    private static final Pattern SLACK_WEBHOOK = Pattern.compile(
            "https://hooks\\.slack\\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]{20,}");

    private static Shape shape(SecretType type, List<String> prefixes, String regex, int bodyStart) {
        return new Shape(type, prefixes, Pattern.compile(regex), bodyStart);
    }

    @Override
    public void find(String text, List<Candidate> out) {
        int length = text.length();
        int position = 0;
        while (position < length) {
            if (!isTokenCharacter(text.charAt(position))) {
                position++;
                continue;
            }
            int start = position;
            while (position < length && isTokenCharacter(text.charAt(position))) {
                position++;
            }
            if (position - start >= SHORTEST) {
                matchAt(text, start, out);
            }
        }
        if (text.contains("hooks.slack.com")) {
            Matcher webhook = SLACK_WEBHOOK.matcher(text);
            while (webhook.find()) {
                out.add(new Candidate(SecretType.SLACK_TOKEN, webhook.start(), webhook.end(), 0.95));
            }
        }
    }

    private static void matchAt(String text, int start, List<Candidate> out) {
        for (Shape shape : SHAPES) {
            if (!startsWithAny(text, start, shape.prefixes())) {
                continue;
            }
            Matcher matcher = shape.pattern().matcher(text).region(start, text.length()).useTransparentBounds(true);
            if (matcher.lookingAt()) {
                String body = text.substring(start + shape.bodyStart(), matcher.end());
                if (!SecretValues.isPlaceholder(body)) {
                    out.add(new Candidate(shape.type(), start, matcher.end(), 0.95));
                    return;
                }
            }
        }
    }

    private static boolean startsWithAny(String text, int start, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (text.startsWith(prefix, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
    }
}
