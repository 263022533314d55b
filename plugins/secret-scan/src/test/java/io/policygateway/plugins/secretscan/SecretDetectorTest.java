package io.policygateway.plugins.secretscan;

import static io.policygateway.plugins.secretscan.FakeCredentials.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases written for these tests (not taken from the evaluation set): each credential shape a user
 * relies on, next to the look-alikes that must stay untouched.
 */
class SecretDetectorTest {
    private final SecretDetector detector = SecretDetector.allTypes();

    private List<String> found(String text) {
        return detector.detect(text).stream().map(span -> span.type().id() + "=" + span.valueIn(text)).toList();
    }

    @Test
    void findsVendorKeysByTheirShape() {
        String github = FakeCredentials.githubToken(1);
        String aws = FakeCredentials.awsAccessKeyId(2);
        String stripe = FakeCredentials.stripeSecretKey(3);
        String openAi = FakeCredentials.openAiProjectKey(4);
        String anthropic = FakeCredentials.anthropicKey(5);
        String google = FakeCredentials.googleApiKey(6);
        String slack = FakeCredentials.slackBotToken(7);
        assertEquals(List.of("github_token=" + github, "aws_access_key_id=" + aws, "stripe_key=" + stripe,
                        "openai_key=" + openAi, "anthropic_key=" + anthropic, "google_api_key=" + google, "slack_token=" + slack),
                found("keys: " + github + ", " + aws + " / " + stripe + " (" + openAi + ") " + anthropic + "\n" + google
                        + " and " + slack + "."));
    }

    @Test
    void ignoresPublishableKeysPlaceholdersAndDocumentedExamples() {
        assertEquals(List.of(), found("checkout uses " + FakeCredentials.stripePublishableKey(9)));
        assertEquals(List.of(), found("GITHUB_TOKEN=gh" + "p_" + "x".repeat(36)));
        assertEquals(List.of(), found("OPENAI_API_KEY=sk-... and AWS_ACCESS_KEY_ID=AK" + "IAIOSFODNN7EXAMPLE"));
        assertEquals(List.of(), found("api_key = \"YOUR_API_KEY\"; token: <token>; password: \"********\""));
        assertEquals(List.of(), found("Key shown in the dashboard: sk-proj-...Ab3d"));
    }

    @Test
    void ignoresReferencesToWhereTheSecretLives() {
        assertEquals(List.of(), found("STRIPE_KEY=${STRIPE_SECRET_KEY}\napi_key = os.environ[\"OPENAI_API_KEY\"]\n"
                + "const token = process.env.SLACK_TOKEN; Authorization: Bearer $TOKEN"));
    }

    @Test
    void findsAPrivateKeyBlockFromBeginToEnd() {
        String pem = FakeCredentials.privateKey(11, 4);
        assertEquals(List.of("private_key=" + pem), found("id_rsa:\n" + pem + "\nthanks"));
    }

    @Test
    void findsAPrivateKeyInsideAJsonStringWithEscapedNewlines() {
        String escaped = FakeCredentials.privateKey(12, 3).replace("\n", "\\n");
        assertEquals(List.of("private_key=" + escaped), found("{\"private_key\": \"" + escaped + "\\n\", \"type\": \"service_account\"}"));
    }

    @Test
    void findsATruncatedPrivateKeyUpToTheEndOfItsBody() {
        String pem = FakeCredentials.privateKey(13, 3);
        String truncated = pem.substring(0, pem.indexOf("-----END") - 20);
        assertEquals(List.of("private_key=" + truncated), found(truncated + "\n\nwhy does this fail?"));
    }

    @Test
    void ignoresCertificatesPublicKeysAndElidedExamples() {
        String body = random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 64, 14);
        assertEquals(List.of(), found("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----"));
        assertEquals(List.of(), found("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----"));
        assertEquals(List.of(), found("-----BEGIN EC PRIVATE KEY-----\n...\n-----END EC PRIVATE KEY-----"));
    }

    @Test
    void findsAJwtButNotAHeaderAlone() {
        String jwt = FakeCredentials.jwt(15);
        assertEquals(List.of("jwt=" + jwt), found("Cookie: session=" + jwt + "; HttpOnly"));
        assertEquals(List.of(), found("a header looks like eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 once encoded"));
    }

    @Test
    void findsTheWholeUrlWhenItCarriesAPassword() {
        String url = "postgresql://app:" + random("abcdefghijkmnpqrstuvwxyzABCDEFGH23456789", 18, 16) + "@db.internal:5432/orders";
        assertEquals(List.of("password_in_url=" + url), found("connect with \"" + url + "\"."));
        assertEquals(List.of(), found("https://deploy@git.example.org/repo.git and postgres://USER:PASSWORD@HOST:5432/DB"));
    }

    @Test
    void reportsATokenInsideAUrlWithItsOwnType() {
        String token = FakeCredentials.githubToken(17);
        assertEquals(List.of("github_token=" + token), found("git clone https://" + token + "@github.com/acme/app.git"));
    }

    @Test
    void findsCredentialAssignmentsInCodeConfigHeadersAndProse() {
        String hex = random("0123456789abcdef", 32, 18);
        String mixed = random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40, 19);
        assertEquals(List.of("generic_secret=" + hex), found("api_key = \"" + hex + "\""));
        assertEquals(List.of("generic_secret=" + mixed), found("{\"client_secret\": \"" + mixed + "\"}"));
        assertEquals(List.of("generic_secret=" + mixed), found("X-API-Key: " + mixed));
        assertEquals(List.of("generic_secret=" + mixed), found("The partner's API key is " + mixed + ", store it safely."));
        assertEquals(List.of("generic_secret=Tr0ub4dor&3x"), found("DB_PASSWORD=Tr0ub4dor&3x"));
        assertEquals(List.of("generic_secret=S3cr3tP4ss!"), found("curl -u admin:S3cr3tP4ss! https://api.example.com"));
    }

    @Test
    void findsEveryValueOfAKubernetesSecretManifest() {
        String manifest = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db-creds
                type: Opaque
                data:
                  username: YWRtaW4=
                  tls.key: LS0tLS1CRUdJTiBQUklWQVRF
                stringData:
                  db-url: "jdbc:postgresql://db/app"
                """;
        assertEquals(List.of("generic_secret=YWRtaW4=", "generic_secret=LS0tLS1CRUdJTiBQUklWQVRF",
                "generic_secret=jdbc:postgresql://db/app"), found(manifest));
        assertEquals(List.of(), found(manifest.replace("kind: Secret", "kind: ConfigMap")));
    }

    @Test
    void typesA40CharacterValueUnderAnAwsSecretKeyName() {
        String secret = FakeCredentials.awsSecretAccessKey(20);
        assertEquals(List.of("aws_secret_access_key=" + secret), found("aws_secret_access_key = " + secret));
    }

    @Test
    void ignoresHashesIdsAndSettingsThatMerelyMentionTokens() {
        assertEquals(List.of(), found("commit 3c5e2cf240224c68ea4ba84df3a78bdc1e40e92f, request 17ff6818-e1e9-444a-b01d-e79ed5ac1343"));
        assertEquals(List.of(), found("max_tokens: 1024, token_type: bearer, password_min_length = 12"));
        assertEquals(List.of(), found("token_url = https://oauth2.example.com/token and the password policy needs 12 characters"));
        assertEquals(List.of(), found("sha256:08b425a4ea78451a87266ea48d888fae8df290ac8a0472cc0b411b22ae3df312"));
    }

    @Test
    void reportsOnlyTheConfiguredTypes() {
        SecretDetector githubOnly = new SecretDetector(EnumSet.of(SecretType.GITHUB_TOKEN));
        String text = FakeCredentials.awsAccessKeyId(21) + " " + FakeCredentials.githubToken(22);
        assertEquals(List.of(SecretType.GITHUB_TOKEN), githubOnly.detect(text).stream().map(SecretSpan::type).toList());
    }
}
