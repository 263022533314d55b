package io.policygateway.plugins.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlockParam;
import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.TestGateway;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The official Anthropic Java SDK against the gateway, served by Anthropic itself: the body passes through unchanged. */
class AnthropicSdkNativeTest {

    @Test
    void passesMessagesThroughWithPromptCachingIntact() throws Exception {
        try (FakeUpstream anthropic = FakeUpstream.start();
                TestGateway gateway = TestGateway.builder().env("ANTHROPIC_API_KEY", Harness.API_KEY)
                        .env("ANTHROPIC_BASE_URL", anthropic.baseUrl()).start()) {
            anthropic.enqueue(Reply.status(200, Harness.fixture("message-text.json")));
            anthropic.enqueue(Reply.sse(Harness.eventParts("messages-stream-tool-use.sse"), 0));
            AnthropicClient client = AnthropicOkHttpClient.builder().baseUrl(gateway.baseUrl()).apiKey("gateway-key").maxRetries(0).build();
            MessageCreateParams params = MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(100)
                    .systemOfTextBlockParams(List.of(TextBlockParam.builder().text("A long, cached system prompt.")
                            .cacheControl(CacheControlEphemeral.builder().build()).build()))
                    .addUserMessage("Hello").build();

            Message message = client.messages().create(params);
            assertEquals("Hi! My name is Claude.", message.content().get(0).text().orElseThrow().text());
            FakeUpstream.Recorded sent = anthropic.lastRequest();
            assertEquals(Harness.API_KEY, sent.header("x-api-key"));
            assertFalse("gateway-key".equals(sent.header("x-api-key")));
            JsonNode body = TestContext.JSON.readTree(sent.body());
            assertEquals("ephemeral", body.path("system").get(0).path("cache_control").path("type").asText(), "cache_control survives");

            MessageAccumulator accumulator = MessageAccumulator.create();
            try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
                stream.stream().forEach(accumulator::accumulate);
            }
            Message streamed = accumulator.message();
            assertEquals(StopReason.TOOL_USE, streamed.stopReason().orElseThrow());
            assertEquals("toolu_01T1x1fJ34qAmk2tNTrN7Up6", streamed.content().get(1).toolUse().orElseThrow().id());
            assertEquals(89, streamed.usage().outputTokens());
            assertEquals(2, anthropic.received().size());
        }
    }
}
