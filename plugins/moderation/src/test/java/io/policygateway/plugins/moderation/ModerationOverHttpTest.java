package io.policygateway.plugins.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * moderation in a real gateway, over real HTTP: the chat upstream and the moderation endpoint are
 * both in-test servers speaking OpenAI's wire formats.
 */
class ModerationOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeUpstream chat;
    private static FakeUpstream moderation;
    private static TestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        chat = FakeUpstream.start();
        chat.otherwise(request -> Reply.status(200, OpenAiWire.completion("test-model", "Sure.", 5, 1)));
        moderation = FakeUpstream.start();
        gateway = TestGateway.builder().env("MOD_KEY", "sk-moderation-test").config("""
                providers:
                  up: { type: test-openai-format, base_url: %s }
                plugins:
                  - name: moderation
                    stage: before_request
                    timeout: 5s
                    config: { base_url: "%s/v1", api_key_env: MOD_KEY, timeout: 3s, categories: [harassment, violence] }
                """.formatted(chat.baseUrl(), moderation.baseUrl())).start();
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        moderation.close();
        chat.close();
    }

    @Test
    void aFlaggedRequestIsRefusedWith403() throws Exception {
        moderation.enqueue(Reply.status(200, OpenAiModeration.answer(Map.of("harassment/threatening", 0.93))));
        HttpResponse<String> response = gateway.post("/v1/chat/completions",
                OpenAiWire.chatRequest("test-model", "I know where you live.", false));
        assertEquals(403, response.statusCode(), response.body());
        assertEquals("MODERATION_FLAGGED", JSON.readTree(response.body()).at("/error/code").asText());
        assertEquals("Bearer sk-moderation-test", moderation.lastRequest().header("authorization"));
    }

    @Test
    void aCleanRequestReachesTheModel() throws Exception {
        moderation.enqueue(Reply.status(200, OpenAiModeration.answer(Map.of())));
        HttpResponse<String> response = gateway.post("/v1/chat/completions",
                OpenAiWire.chatRequest("test-model", "Good morning!", false));
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void aFailingModerationEndpointFailsClosedWith503() throws Exception {
        moderation.enqueue(Reply.status(500, "{\"error\": {\"message\": \"The server had an error\"}}"));
        HttpResponse<String> response = gateway.post("/v1/chat/completions",
                OpenAiWire.chatRequest("test-model", "Hello again", false));
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("GUARDRAIL_UNAVAILABLE", JSON.readTree(response.body()).at("/error/code").asText());
    }
}
