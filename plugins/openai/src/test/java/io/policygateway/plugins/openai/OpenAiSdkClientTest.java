package io.policygateway.plugins.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, pointed at the gateway by its base URL only. */
class OpenAiSdkClientTest {

    @Test
    void sdkGetsCompletionsAndStreamsThroughTheGateway() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start();
                TestGateway gateway = TestGateway.builder().env("OPENAI_API_KEY", "sk-provider-key-for-test")
                        .env("OPENAI_BASE_URL", upstream.baseUrl() + "/v1").start()) {
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("gpt-4o-mini", "Hello from upstream", 4, 3)));
            upstream.enqueue(Reply.sse(OpenAiWire.streamFrames("gpt-4o-mini", List.of("Stream", "ed"), true, 4, 2), 0));
            OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl() + "/v1").apiKey("gateway-key").build();
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hi").build();

            ChatCompletion completion = client.chat().completions().create(params);
            assertEquals("Hello from upstream", completion.choices().get(0).message().content().orElseThrow());

            StringBuilder streamed = new StringBuilder();
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(streamed::append)));
            }
            assertEquals("Streamed", streamed.toString());
            assertEquals(2, upstream.received().size());
        }
    }
}
