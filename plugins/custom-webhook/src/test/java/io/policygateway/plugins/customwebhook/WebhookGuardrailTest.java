package io.policygateway.plugins.customwebhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import io.policygateway.kernel.config.UpstreamConfig;
import io.policygateway.kernel.http.JettyUpstreamClient;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guardrail against an in-test webhook that verifies the signature, over real HTTP. */
class WebhookGuardrailTest {
    private static JettyUpstreamClient http;
    private WebhookReceiver webhook;

    @BeforeAll
    static void startClient() throws Exception {
        http = new JettyUpstreamClient(UpstreamConfig.defaults(), "test");
    }

    @AfterAll
    static void stopClient() throws Exception {
        http.close();
    }

    @BeforeEach
    void startWebhook() throws Exception {
        webhook = new WebhookReceiver();
    }

    @AfterEach
    void stopWebhook() throws Exception {
        webhook.close();
    }

    private Guardrail guardrail(String extraJson) {
        return guardrail(webhook.url(), extraJson);
    }

    private static Guardrail guardrail(String url, String extraJson) {
        // generous by default (the build machine may be busy); the slow-webhook tests shorten it
        String timeout = extraJson.contains("\"timeout\"") ? "" : ", \"timeout\": \"3s\"";
        String json = "{\"url\": \"" + url + "\", \"secret_env\": \"HOOK_SECRET\"" + timeout
                + (extraJson.isEmpty() ? "" : ", " + extraJson) + "}";
        return new WebhookFactory().create(Chats.config(json),
                new TestPluginContext(Map.of("HOOK_SECRET", WebhookReceiver.SECRET), http));
    }

    @Test
    void sendsTheRequestSignedAndAppliesTheWebhooksBlock() throws Exception {
        webhook.answerJson("{\"decision\": \"block\", \"reason_code\": \"REFUND_POLICY\", \"message\": \"Refunds go through support.\"}");
        Verdict verdict = guardrail("\"categories\": [\"refunds\"]").beforeRequest(Chats.request("user", "Refund me now"));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("REFUND_POLICY", verdict.reasonCode());
        assertEquals("Refunds go through support.", verdict.message());
        JsonNode payload = webhook.verifiedPayloads().get(0);
        assertEquals("before_request", payload.path("hook").asText());
        assertEquals("Refund me now", payload.path("request").path("messages").path(0).path("content").asText());
        assertEquals("test", payload.path("trace_id").asText());
        assertEquals("refunds", payload.path("categories").path(0).asText());
        assertTrue(payload.path("sent_at").asText().endsWith("Z"));
        assertEquals("before_request", webhook.server().lastRequest().header("x-policy-gateway-event"));
        assertTrue(webhook.server().lastRequest().header("x-policy-gateway-signature").matches("sha256=[0-9a-f]{64}"));
    }

    @Test
    void usesWebhookBlockWhenTheWebhookGivesNoReasonCode() throws Exception {
        webhook.answerJson("{\"decision\": \"block\"}");
        assertEquals("WEBHOOK_BLOCK", guardrail("").beforeRequest(Chats.request("user", "x")).reasonCode());
    }

    @Test
    void aWebhookThatAllowsLetsTheRequestThrough() throws Exception {
        webhook.answerJson("{\"decision\": \"allow\"}");
        assertEquals(Decision.ALLOW, guardrail("").beforeRequest(Chats.request("user", "hello")).decision());
    }

    @Test
    void aWrongSecretIsRefusedByTheReceiverSoTheGuardrailFailsClosed() {
        Guardrail wrongSecret = new WebhookFactory().create(Chats.config("{\"url\": \"" + webhook.url()
                + "\", \"secret\": \"not-the-secret\", \"timeout\": \"3s\"}"), new TestPluginContext(Map.of(), http));
        GatewayException error = assertThrows(GatewayException.class, () -> wrongSecret.beforeRequest(Chats.request("user", "x")));
        assertTrue(error.getMessage().contains("HTTP 401"), error.getMessage());
        assertTrue(webhook.verifiedPayloads().isEmpty());
    }

    @Test
    void appliesARewriteOfTheRequest() throws Exception {
        webhook.answerJson("{\"decision\": \"rewrite\", \"reason_code\": \"MASKED\", \"replacement\": {\"model\": \"gpt-4o-mini\", "
                + "\"messages\": [{\"role\": \"user\", \"content\": \"[masked]\"}]}}");
        Verdict verdict = guardrail("").beforeRequest(Chats.request("user", "my card is 4111"));
        assertEquals(Decision.REWRITE, verdict.decision());
        assertEquals("[masked]", verdict.replacement().orElseThrow().path("messages").path(0).path("content").asText());
    }

    @Test
    void sendsTheResponseAfterTheRequest() throws Exception {
        webhook.answerJson("{\"decision\": \"warn\", \"message\": \"mentions a competitor\"}");
        Verdict verdict = guardrail("").afterResponse(Chats.response("Try Acme instead."));
        assertEquals(Decision.WARN, verdict.decision());
        assertEquals("WEBHOOK_WARN", verdict.reasonCode());
        JsonNode payload = webhook.verifiedPayloads().get(0);
        assertEquals("after_request", payload.path("hook").asText());
        assertEquals("Try Acme instead.", payload.path("response").path("choices").path(0).path("message").path("content").asText());
    }

    @Test
    void theActionCapsWhatTheWebhookMayDo() throws Exception {
        webhook.answerJson("{\"decision\": \"block\"}");
        assertEquals(Decision.WARN, guardrail("\"action\": \"warn\"").beforeRequest(Chats.request("user", "x")).decision());
        webhook.answerJson("{\"decision\": \"rewrite\", \"replacement\": {\"messages\": []}}");
        Verdict dryRun = guardrail("\"action\": \"log-only\"").beforeRequest(Chats.request("user", "x"));
        assertEquals(Decision.LOG_ONLY, dryRun.decision());
        assertTrue(dryRun.replacement().isEmpty());
    }

    @Test
    void anAnswerThatIsNotADecisionFailsClosedOrOpen() throws Exception {
        webhook.answerJson("{\"decision\": \"maybe\"}");
        assertThrows(GatewayException.class, () -> guardrail("").beforeRequest(Chats.request("user", "x")));
        Verdict open = guardrail("\"fail_open\": true").beforeRequest(Chats.request("user", "x"));
        assertEquals(Decision.LOG_ONLY, open.decision());
        assertEquals("WEBHOOK_UNAVAILABLE", open.reasonCode());
        assertEquals("invalid_response", open.details().get("error"));
    }

    @Test
    void failsClosedWhenTheWebhookIsSlowAndOpenWhenConfigured() throws Exception {
        webhook.answer(payload -> Reply.hang());
        GatewayException error = assertThrows(GatewayException.class,
                () -> guardrail("\"timeout\": \"400ms\"").beforeRequest(Chats.request("user", "x")));
        assertEquals(ErrorCategory.UPSTREAM_TIMEOUT, error.category());
        assertEquals("WEBHOOK_UNAVAILABLE", error.code().orElseThrow());
        Verdict open = guardrail("\"fail_open\": true, \"timeout\": \"400ms\"").beforeRequest(Chats.request("user", "x"));
        assertEquals("timeout", open.details().get("error"));
    }

    @Test
    void failsClosedOnAServerError() {
        webhook.answer(payload -> Reply.status(500, "{}"));
        GatewayException error = assertThrows(GatewayException.class, () -> guardrail("").beforeRequest(Chats.request("user", "x")));
        assertEquals(ErrorCategory.UNAVAILABLE, error.category());
        assertFalse(error.getMessage().contains(WebhookReceiver.SECRET));
    }

    @Test
    void failsClosedWhenTheWebhookIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Guardrail guardrail = guardrail("http://127.0.0.1:" + closedPort + "/hook", "");
        assertEquals("WEBHOOK_UNAVAILABLE", assertThrows(GatewayException.class,
                () -> guardrail.beforeRequest(Chats.request("user", "x"))).code().orElseThrow());
    }

    @Test
    void aBufferedStreamIsSentWholeAndCanBeRewritten() {
        webhook.answerJson("{\"decision\": \"rewrite\", \"replacement\": {\"choices\": [{\"index\": 0, \"message\": "
                + "{\"role\": \"assistant\", \"content\": \"[answer withheld]\"}}]}}");
        StreamGuard stream = guardrail("").openStream(Chats.request("user", "hi"));
        assertEquals("", stream.onText("The secret plan ").release());
        assertEquals("", stream.onText("is ready.").release());
        StreamGuard.Step end = stream.finish();
        assertEquals("[answer withheld]", end.release());
        assertEquals("The secret plan is ready.", webhook.verifiedPayloads().get(0).path("response").path("choices").path(0)
                .path("message").path("content").asText());
        assertTrue(webhook.verifiedPayloads().get(0).path("streamed").asBoolean());
    }
}
