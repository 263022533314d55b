package io.policygateway.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.PermissionDeniedException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official SDKs on the /policy surface, with the gateway routed to an OpenAI-format upstream. */
class PolicySurfaceSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private static FakeUpstream upstream() throws Exception {
        return FakeUpstream.start().otherwise(request -> request.body().contains("\"stream\":true")
                ? Reply.sse(OpenAiWire.streamFrames("test-model", List.of("Hel", "lo"), true, 5, 2), 0)
                : Reply.status(200, OpenAiWire.completion("test-model", "Hello", 5, 2)));
    }

    private TestGateway gateway(FakeUpstream upstream) throws Exception {
        return TestGateway.builder().home(home).config(PolicySurfaceTest.config(upstream.baseUrl(), "")).start();
    }

    @Test
    void openAiSdkSeesPolicyMetadataInBodiesAndEveryChunk() throws Exception {
        try (FakeUpstream upstream = upstream(); TestGateway gateway = gateway(upstream)) {
            OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl() + "/policy").apiKey(PolicySurfaceTest.KEY)
                    .putHeader("X-Policy-User", "user-12345").build();
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("test-model").addUserMessage("hi").build();
            ChatCompletion completion = client.chat().completions().create(params);
            assertEquals("Hello", completion.choices().get(0).message().content().orElseThrow());
            JsonNode policy = completion._additionalProperties().get("policy").convert(JsonNode.class);
            assertEquals("support-bot", policy.path("policy_project_id").asText());
            assertEquals("user-12345", policy.path("policy_user").asText());

            List<ChatCompletionChunk> chunks = new ArrayList<>();
            try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                stream.stream().forEach(chunks::add);
            }
            assertTrue(chunks.size() >= 3);
            for (ChatCompletionChunk chunk : chunks) {
                assertTrue(chunk._additionalProperties().containsKey("policy"), "every frame carries the policy object");
            }
        }
    }

    @Test
    void anthropicSdkOnPolicyMessagesTranslatesAndCarriesMetadata() throws Exception {
        try (FakeUpstream upstream = upstream(); TestGateway gateway = gateway(upstream)) {
            AnthropicClient client = AnthropicOkHttpClient.builder().baseUrl(gateway.baseUrl() + "/policy").apiKey(PolicySurfaceTest.KEY).build();
            MessageCreateParams params = MessageCreateParams.builder().model("test-model").maxTokens(64).addUserMessage("hi").build();
            Message message = client.messages().create(params);
            assertEquals("Hello", message.content().get(0).text().orElseThrow().text());
            JsonNode policy = message._additionalProperties().get("policy").convert(JsonNode.class);
            assertEquals("policy-gateway", policy.path("policy_id").asText());
            assertTrue(upstream.lastRequest().path().endsWith("/v1/chat/completions"), "served by the OpenAI-format upstream");

            StringBuilder text = new StringBuilder();
            try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
                stream.stream().forEach(event -> event.contentBlockDelta().ifPresent(delta -> delta.delta().text().ifPresent(t -> text.append(t.text()))));
            }
            assertEquals("Hello", text.toString());

            HttpResponse<String> raw = gateway.post("/policy/v1/messages", "{\"model\":\"test-model\",\"max_tokens\":64,\"stream\":true,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "x-api-key", PolicySurfaceTest.KEY, "anthropic-version", "2023-06-01");
            List<String> frames = raw.body().lines().filter(line -> line.startsWith("data: {")).toList();
            assertTrue(frames.size() >= 5, raw.body());
            for (String frame : frames) {
                assertEquals("support-bot", JSON.readTree(frame.substring(6)).at("/policy/policy_project_id").asText(), frame);
            }

            MessageCreateParams blocked = MessageCreateParams.builder().model("test-model").maxTokens(64).addUserMessage("say forbidden").build();
            PermissionDeniedException denied = org.junit.jupiter.api.Assertions.assertThrows(PermissionDeniedException.class,
                    () -> client.messages().create(blocked));
            assertTrue(denied.getMessage().contains("TEST_BLOCKED") || denied.toString().contains("policy"), denied.toString());
        }
    }
}
