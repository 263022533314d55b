package io.policygateway.plugins.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Checks the signer against AWS's published Signature Version 4 test suite (credentials AKIDEXAMPLE,
 * 2015-08-30T12:36:00Z, region us-east-1, service "service", host example.amazonaws.com).
 */
class SigV4SignerTest {
    private static final AwsCredentials SUITE = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", Optional.empty());
    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");
    private static final SigV4Signer SIGNER = new SigV4Signer("service", "us-east-1");
    private static final String EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SCOPE = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";

    @Test
    void signsGetVanillaExactlyAsPublished() {
        SigV4Signer.Signature signature = SIGNER.sign("GET", URI.create("https://example.amazonaws.com/"), Map.of(), new byte[0], SUITE, SUITE_TIME);
        assertEquals("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EMPTY_HASH,
                signature.canonicalRequest());
        assertEquals("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63", signature.stringToSign());
        assertEquals("AWS4-HMAC-SHA256 Credential=" + SCOPE + ", SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature.headers().get("authorization"));
        assertEquals("20150830T123600Z", signature.headers().get("x-amz-date"));
    }

    @Test
    void signsPostVanilla() {
        assertEquals("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
                SIGNER.sign("POST", URI.create("https://example.amazonaws.com/"), Map.of(), new byte[0], SUITE, SUITE_TIME).signature());
    }

    @Test
    void signsABodyAndItsContentType() {
        SigV4Signer.Signature signature = SIGNER.sign("POST", URI.create("https://example.amazonaws.com/"),
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "Param1=value1".getBytes(StandardCharsets.UTF_8), SUITE, SUITE_TIME);
        assertTrue(signature.canonicalRequest().endsWith("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"));
        assertEquals("content-type;host;x-amz-date", signature.signedHeaders());
        assertEquals("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", signature.signature());
    }

    @Test
    void sortsTheQuery() {
        SigV4Signer.Signature signature = SIGNER.sign("GET", URI.create("https://example.amazonaws.com/?Param2=value2&Param1=value1"),
                Map.of(), new byte[0], SUITE, SUITE_TIME);
        assertTrue(signature.canonicalRequest().startsWith("GET\n/\nParam1=value1&Param2=value2\n"), signature.canonicalRequest());
        assertEquals("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", signature.signature());
    }

    @Test
    void signsTheSessionTokenAsAHeader() {
        AwsCredentials temporary = new AwsCredentials(SUITE.accessKeyId(), SUITE.secretAccessKey(), Optional.of(
                "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="));
        SigV4Signer.Signature signature = SIGNER.sign("POST", URI.create("https://example.amazonaws.com/"), Map.of(), new byte[0], temporary, SUITE_TIME);
        assertEquals("host;x-amz-date;x-amz-security-token", signature.signedHeaders());
        assertEquals("85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead", signature.signature());
        assertEquals(temporary.sessionToken().get(), signature.headers().get("x-amz-security-token"));
    }

    @Test
    void encodesABedrockModelIdTwiceInTheCanonicalPath() {
        SigV4Signer signer = new SigV4Signer("bedrock", "us-east-1");
        URI uri = URI.create("https://bedrock-runtime.us-east-1.amazonaws.com/model/"
                + SigV4Signer.uriEncode("anthropic.claude-3-5-sonnet-20240620-v1:0") + "/converse");
        assertEquals("/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse", uri.getRawPath());
        SigV4Signer.Signature signature = signer.sign("POST", uri, Map.of("content-type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8),
                SUITE, SUITE_TIME);
        assertTrue(signature.canonicalRequest().startsWith("POST\n/model/anthropic.claude-3-5-sonnet-20240620-v1%253A0/converse\n"),
                signature.canonicalRequest());
        assertTrue(signature.headers().get("authorization").contains("/20150830/us-east-1/bedrock/aws4_request"));
    }

    @Test
    void neverShowsTheSecretInToString() {
        assertFalse(SUITE.toString().contains(SUITE.secretAccessKey()));
    }
}
