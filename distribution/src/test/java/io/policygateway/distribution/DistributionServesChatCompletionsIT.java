package io.policygateway.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise for the zip: unpack it, run {@code bin/policy-gateway} with no provider key in
 * the environment, and the built-in local provider answers the OpenAI SDK's usual request.
 */
@Timeout(180)
class DistributionServesChatCompletionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static RunningGateway gateway;

    @BeforeAll
    static void startFromTheUnpackedZip() throws IOException, InterruptedException {
        UnpackedDistribution distribution = UnpackedDistribution.unpackInto(folder);
        gateway = distribution.start(List.of(), distribution.cleanEnvironment()).awaitHealthy();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void answersAChatCompletionWithNoProviderKeySet() throws IOException, InterruptedException {
        HttpResponse<String> response = post("""
                {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Say hello"}]}""");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode completion = JSON.readTree(response.body());
        assertEquals("chat.completion", completion.path("object").asText(), response.body());
        assertEquals("assistant", completion.at("/choices/0/message/role").asText(), response.body());
        assertFalse(completion.at("/choices/0/message/content").asText().isBlank(), response.body());
    }

    @Test
    void streamsAChatCompletionAsServerSentEventsEndingWithDone() throws IOException, InterruptedException {
        HttpResponse<String> response = post("""
                {"model": "gpt-4o-mini", "stream": true, "messages": [{"role": "user", "content": "Say hello"}]}""");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"), response.headers().toString());
        List<String> data = response.body().lines().filter(line -> line.startsWith("data:")).map(line -> line.substring(5).trim()).toList();
        assertFalse(data.isEmpty(), response.body());
        assertEquals("[DONE]", data.getLast(), response.body());
        JsonNode firstChunk = JSON.readTree(data.getFirst());
        assertEquals("chat.completion.chunk", firstChunk.path("object").asText(), response.body());
    }

    private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return gateway.client().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
