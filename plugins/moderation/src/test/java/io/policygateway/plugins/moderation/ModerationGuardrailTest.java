package io.policygateway.plugins.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import io.policygateway.kernel.config.UpstreamConfig;
import io.policygateway.kernel.http.JettyUpstreamClient;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guardrail against an in-test server speaking OpenAI's moderation wire format, over real HTTP. */
class ModerationGuardrailTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JettyUpstreamClient http;
    private FakeUpstream moderation;

    @BeforeAll
    static void startClient() throws Exception {
        http = new JettyUpstreamClient(UpstreamConfig.defaults(), "test");
    }

    @AfterAll
    static void stopClient() throws Exception {
        http.close();
    }

    @BeforeEach
    void startServer() throws Exception {
        moderation = FakeUpstream.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        moderation.close();
    }

    private Guardrail guardrail(String extraJson) {
        // generous by default (the build machine may be busy); the slow-endpoint tests shorten it
        String timeout = extraJson.contains("\"timeout\"") ? "" : ", \"timeout\": \"3s\"";
        String json = "{\"base_url\": \"" + moderation.baseUrl() + "/v1\", \"api_key_env\": \"MOD_KEY\"" + timeout
                + (extraJson.isEmpty() ? "" : ", " + extraJson) + "}";
        return new ModerationFactory().create(Chats.config(json), new TestPluginContext(Map.of("MOD_KEY", "sk-mod-secret"), http));
    }

    @Test
    void blocksAFlaggedRequestAndSendsOnlyTheUsersTextWithTheKey() throws Exception {
        moderation.enqueue(Reply.status(200, OpenAiModeration.answer(Map.of("harassment", 0.91, "harassment/threatening", 0.62))));
        Verdict verdict = guardrail("").beforeRequest(Chats.request("system", "Be kind.", "user", "I will find you."));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals("MODERATION_FLAGGED", verdict.reasonCode());
        assertEquals(List.of("harassment", "harassment/threatening"), verdict.details().get("categories"));
        assertEquals("messages[1].content", verdict.details().get("message"));
        FakeUpstream.Recorded sent = moderation.lastRequest();
        assertEquals("/v1/moderations", sent.path());
        assertEquals("Bearer sk-mod-secret", sent.header("authorization"));
        JsonNode body = JSON.readTree(sent.body());
        assertEquals("omni-moderation-latest", body.path("model").asText());
        assertEquals(List.of("I will find you."), JSON.convertValue(body.path("input"), List.class));
        assertFalse(verdict.message().contains("find you"), verdict.message());
    }

    @Test
    void allowsAnUnflaggedRequest() throws Exception {
        moderation.enqueue(Reply.status(200, OpenAiModeration.answer(Map.of())));
        assertEquals(Decision.ALLOW, guardrail("").beforeRequest(Chats.request("user", "Good morning!")).decision());
    }

    @Test
    void blocksOnlyTheListedCategoriesAndTheirSubcategories() throws Exception {
        moderation.enqueue(Reply.status(200, OpenAiModeration.answer(Map.of("sexual", 0.8))));
        moderation.enqueue(Reply.status(200, OpenAiModeration.answer(Map.of("violence/graphic", 0.7))));
        Guardrail violenceOnly = guardrail("\"categories\": [\"violence\"]");
        assertEquals(Decision.ALLOW, violenceOnly.beforeRequest(Chats.request("user", "a")).decision());
        Verdict graphic = violenceOnly.beforeRequest(Chats.request("user", "b"));
        assertEquals(Decision.BLOCK, graphic.decision());
        assertEquals(List.of("violence/graphic"), graphic.details().get("categories"));
    }

    @Test
    void countsAListedCategoryByScoreWhenAThresholdIsSet() throws Exception {
        String unflagged = OpenAiModeration.answer(Map.of()).replace("\"self-harm\": 1.2E-4", "\"self-harm\": 0.45");
        moderation.enqueue(Reply.status(200, unflagged));
        Verdict verdict = guardrail("\"categories\": [\"self-harm\"], \"threshold\": 0.4")
                .beforeRequest(Chats.request("user", "c"));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals(Map.of("self-harm", 0.45), verdict.details().get("scores"));
    }

    @Test
    void checksTheModelsAnswer() throws Exception {
        moderation.enqueue(Reply.status(200, OpenAiModeration.answer(Map.of("hate", 0.88))));
        Verdict verdict = guardrail("").afterResponse(Chats.response("some hateful answer"));
        assertEquals(Decision.BLOCK, verdict.decision());
        assertEquals(List.of("some hateful answer"), JSON.convertValue(JSON.readTree(moderation.lastRequest().body())
                .path("input"), List.class));
    }

    @Test
    void failsClosedWithATimeoutWhenTheEndpointIsSlow() {
        moderation.enqueue(Reply.hang());
        long started = System.nanoTime();
        GatewayException error = assertThrows(GatewayException.class,
                () -> guardrail("\"timeout\": \"400ms\"").beforeRequest(Chats.request("user", "hello")));
        assertEquals(ErrorCategory.UPSTREAM_TIMEOUT, error.category());
        assertEquals("MODERATION_UNAVAILABLE", error.code().orElseThrow());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 3_000, "gave up within the timeout");
    }

    @Test
    void failsOpenWhenConfiguredAndTheEndpointIsSlow() throws Exception {
        moderation.enqueue(Reply.hang());
        Verdict verdict = guardrail("\"fail_open\": true, \"timeout\": \"400ms\"").beforeRequest(Chats.request("user", "hello"));
        assertEquals(Decision.LOG_ONLY, verdict.decision());
        assertEquals("MODERATION_UNAVAILABLE", verdict.reasonCode());
        assertEquals("timeout", verdict.details().get("error"));
    }

    @Test
    void failsClosedOnAServerErrorAndOpenWhenConfigured() throws Exception {
        moderation.enqueue(Reply.status(500, "{\"error\": {\"message\": \"The server had an error\", \"type\": \"server_error\"}}"));
        GatewayException error = assertThrows(GatewayException.class,
                () -> guardrail("").beforeRequest(Chats.request("user", "hello")));
        assertEquals(ErrorCategory.UNAVAILABLE, error.category());
        assertTrue(error.getMessage().contains("HTTP 500"), error.getMessage());
        assertFalse(error.getMessage().contains("sk-mod-secret"));
        moderation.enqueue(Reply.status(500, "{}"));
        Verdict verdict = guardrail("\"fail_open\": true").beforeRequest(Chats.request("user", "hello"));
        assertEquals(Decision.LOG_ONLY, verdict.decision());
        assertEquals("status", verdict.details().get("error"));
    }

    @Test
    void treatsAnAnswerThatIsNotAModerationResultAsUnavailable() throws Exception {
        moderation.enqueue(Reply.raw(200, "text/html", "<html>maintenance</html>"));
        Verdict verdict = guardrail("\"fail_open\": true").beforeRequest(Chats.request("user", "hello"));
        assertEquals("invalid_response", verdict.details().get("error"));
    }

    @Test
    void failsClosedWhenTheEndpointIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Guardrail guardrail = new ModerationFactory().create(Chats.config("{\"base_url\": \"http://127.0.0.1:" + closedPort
                + "/v1\", \"api_key_env\": \"\", \"timeout\": \"3s\"}"), new TestPluginContext(Map.of(), http));
        GatewayException error = assertThrows(GatewayException.class, () -> guardrail.beforeRequest(Chats.request("user", "x")));
        assertEquals("MODERATION_UNAVAILABLE", error.code().orElseThrow());
    }

    @Test
    void moderatesABufferedStreamOnceAtTheEnd() {
        moderation.enqueue(Reply.status(200, OpenAiModeration.answer(Map.of("violence", 0.77))));
        StreamGuard stream = guardrail("").openStream(Chats.request("user", "hi"));
        assertEquals("", stream.onText("First part. ").release());
        assertEquals("", stream.onText("Second part.").release());
        StreamGuard.Step end = stream.finish();
        assertEquals(Decision.BLOCK, end.verdict().orElseThrow().decision());
        assertEquals(1, moderation.received().size());
    }
}
