package io.policygateway.plugins.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** With no provider key set, the local provider answers every model so the OpenAI SDK works at once. */
class LocalDevModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void openAiSdkWorksWithNoKeysForPlainAndStreamedCompletions() throws Exception {
        try (TestGateway gateway = TestGateway.builder().config("providers:\n  local:\n    stream_chunk_delay: 0ms\n").start()) {
            OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl() + "/v1").apiKey("anything").build();
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("What is 2+2?").build();

            ChatCompletion completion = client.chat().completions().create(params);
            String answer = completion.choices().get(0).message().content().orElseThrow();
            assertTrue(answer.contains("What is 2+2?"), answer);
            assertEquals(answer, client.chat().completions().create(params).choices().get(0).message().content().orElseThrow(),
                    "answers are deterministic");
            assertTrue(completion.usage().orElseThrow().completionTokens() > 0);

            StringBuilder streamed = new StringBuilder();
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(streamed::append)));
            }
            assertEquals(answer, streamed.toString());

            CreateEmbeddingResponse embedding = client.embeddings().create(EmbeddingCreateParams.builder()
                    .model("text-embedding-3-small").input("hello").build());
            assertEquals(64, embedding.data().get(0).embedding().size());
        }
    }

    @Test
    void modelsListsLocalModelsAndHealthSaysLocalDevMode() throws Exception {
        try (TestGateway gateway = TestGateway.builder().config("models:\n  aliases:\n    cheap: local-chat\n").start()) {
            JsonNode models = JSON.readTree(gateway.get("/v1/models").body());
            assertEquals("list", models.path("object").asText());
            assertTrue(models.toString().contains("\"local-chat\""));
            assertTrue(models.toString().contains("\"cheap\""));
            JsonNode health = JSON.readTree(gateway.get("/health").body());
            assertTrue(health.path("local_dev_mode").asBoolean());
            HttpResponse<String> aliased = gateway.post("/v1/chat/completions", "{\"model\":\"cheap\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
            assertEquals("local-chat", JSON.readTree(aliased.body()).path("model").asText(), "aliases resolve before routing");
        }
    }
}
