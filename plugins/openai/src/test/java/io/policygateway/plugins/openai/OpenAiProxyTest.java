package io.policygateway.plugins.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible proxy path against an in-test upstream speaking OpenAI's wire format. */
class OpenAiProxyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVIDER_KEY = "sk-upstream-provider-key-123456";

    private FakeUpstream upstream;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        upstream = FakeUpstream.start();
        gateway = TestGateway.builder()
                .config("upstream:\n  first_byte_timeout: 2s\n  idle_timeout: 2s\n")
                .env("OPENAI_API_KEY", PROVIDER_KEY)
                .env("OPENAI_BASE_URL", upstream.baseUrl() + "/v1")
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        upstream.close();
    }

    private static String request(boolean stream) {
        return "{\"model\":\"gpt-4o-mini\",\"stream\":" + stream + ",\"temperature\":0.2,\"policy_user\":\"u1\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}";
    }

    @Test
    void forwardsCompletionWithTheProviderKeyTraceparentAndWithoutGatewayFields() throws Exception {
        upstream.enqueue(Reply.status(200, OpenAiWire.completion("gpt-4o-mini-2024-07-18", "Hi there", 9, 3)));
        HttpResponse<String> response = gateway.post("/v1/chat/completions", request(false), "authorization", "Bearer caller-key",
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("Hi there", body.at("/choices/0/message/content").asText());
        assertEquals("gpt-4o-mini-2024-07-18", body.path("model").asText(), "the model field shows what served the request");
        assertEquals("openai", response.headers().firstValue("x-gateway-provider").orElseThrow());
        assertTrue(response.headers().firstValue("x-gateway-overhead-ms").isPresent());

        FakeUpstream.Recorded sent = upstream.lastRequest();
        assertEquals("/v1/chat/completions", sent.path());
        assertEquals("Bearer " + PROVIDER_KEY, sent.header("authorization"), "the caller's key never goes upstream");
        assertTrue(sent.header("traceparent").startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
        JsonNode upstreamBody = JSON.readTree(sent.body());
        assertFalse(upstreamBody.has("policy_user"), "gateway-only fields are removed");
        assertEquals(0.2, upstreamBody.path("temperature").asDouble());
        gateway.awaitAccessLog(line -> line.contains("\"input_tokens\":9") && line.contains("\"output_tokens\":3"));
    }

    @Test
    void relaysStreamAndStripsTheUsageChunkTheCallerDidNotAskFor() throws Exception {
        upstream.enqueue(Reply.sse(OpenAiWire.streamFrames("gpt-4o-mini", List.of("Hel", "lo"), true, 7, 2), 0));
        HttpResponse<String> response = gateway.post("/v1/chat/completions", request(true));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        assertTrue(JSON.readTree(upstream.lastRequest().body()).at("/stream_options/include_usage").asBoolean(),
                "the gateway asks for usage so it can count tokens");
        List<String> data = dataLines(response.body());
        assertEquals("[DONE]", data.get(data.size() - 1));
        assertTrue(data.stream().noneMatch(line -> line.contains("\"usage\"")), "usage was not asked for: " + data);
        assertTrue(response.body().contains("Hel") && response.body().contains("lo"));
        gateway.awaitAccessLog(line -> line.contains("\"output_tokens\":2"));
    }

    @Test
    void keepsTheUsageChunkWhenTheCallerAskedForIt() throws Exception {
        upstream.enqueue(Reply.sse(OpenAiWire.streamFrames("gpt-4o-mini", List.of("Hi"), true, 5, 1), 0));
        String body = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        HttpResponse<String> response = gateway.post("/v1/chat/completions", body);
        assertTrue(response.body().contains("\"completion_tokens\":1"), response.body());
    }

    @Test
    void upstream500Becomes502NamingTheUpstreamStatus() throws Exception {
        upstream.enqueue(Reply.status(500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"));
        HttpResponse<String> response = gateway.post("/v1/chat/completions", request(false));
        assertEquals(502, response.statusCode());
        assertTrue(JSON.readTree(response.body()).at("/error/message").asText().contains("HTTP 500"), response.body());
        assertEquals("failing", JSON.readTree(gateway.get("/health").body()).at("/providers/openai/status").asText());
    }

    @Test
    void upstream429Becomes429WithRetryAfterPassedThrough() throws Exception {
        upstream.enqueue(Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}", Map.of("retry-after", "7")));
        HttpResponse<String> response = gateway.post("/v1/chat/completions", request(false));
        assertEquals(429, response.statusCode());
        assertEquals("7", response.headers().firstValue("retry-after").orElseThrow());
        assertEquals("rate_limit_error", JSON.readTree(response.body()).at("/error/type").asText());
    }

    @Test
    void hangingUpstreamBecomes504() throws Exception {
        upstream.enqueue(Reply.hang());
        HttpResponse<String> response = gateway.post("/v1/chat/completions", request(false));
        assertEquals(504, response.statusCode());
        assertTrue(response.body().contains("did not answer within 2000 ms"), response.body());
    }

    @Test
    void unreachableUpstreamBecomes502() throws Exception {
        int port = upstream.port();
        upstream.close();
        HttpResponse<String> response = gateway.post("/v1/chat/completions", request(false));
        assertEquals(502, response.statusCode());
        assertTrue(response.body().contains("127.0.0.1:" + port), response.body());
    }

    @Test
    void garbageBodyBecomes502() throws Exception {
        upstream.enqueue(Reply.raw(200, "application/json", "<html>oops</html>"));
        HttpResponse<String> response = gateway.post("/v1/chat/completions", request(false));
        assertEquals(502, response.statusCode());
        assertTrue(response.body().contains("not JSON"), response.body());
    }

    @Test
    void streamCutMidWayEndsWithATerminalErrorEventAndNoDone() throws Exception {
        List<String> frames = OpenAiWire.streamFrames("gpt-4o-mini", List.of("Hel", "lo"), true, 7, 2).subList(0, 2);
        upstream.enqueue(Reply.sseThenCut(frames));
        HttpResponse<String> response = gateway.post("/v1/chat/completions", request(true));
        List<String> data = dataLines(response.body());
        assertTrue(data.get(data.size() - 1).contains("\"error\""), response.body());
        assertFalse(response.body().contains("[DONE]"), "a broken stream must not look complete");
    }

    @Test
    void stalledStreamEndsWithATerminalErrorEvent() throws Exception {
        upstream.enqueue(Reply.sseThenStall(OpenAiWire.streamFrames("gpt-4o-mini", List.of("Hel"), true, 7, 2).subList(0, 2)));
        HttpResponse<String> response = gateway.post("/v1/chat/completions", request(true));
        assertTrue(response.body().contains("stalled"), response.body());
        assertFalse(response.body().contains("[DONE]"));
    }

    @Test
    void clientThatDisconnectsCancelsTheUpstreamStream() throws Exception {
        List<String> frames = new ArrayList<>(OpenAiWire.streamFrames("gpt-4o-mini", Collections.nCopies(200, "word "), true, 7, 200));
        upstream.enqueue(Reply.sse(frames, 20));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest httpRequest = HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(request(true))).header("content-type", "application/json").build();
        HttpResponse<InputStream> response = client.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertTrue(reader.readLine().startsWith("data: "), "the first chunk arrives before the upstream finished");
        }
        client.close();
        long deadline = System.currentTimeMillis() + 5_000;
        while (upstream.replyFailures().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(upstream.replyFailures().isEmpty(), "the upstream stream was aborted, not read to the end (200 frames x 20 ms)");
    }

    @Test
    void unknownModelIs400OnceARealProviderIsEnabledWhileLocalModelsStillWork() throws Exception {
        HttpResponse<String> response = gateway.post("/v1/chat/completions", "{\"model\":\"mystery-model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertEquals(400, response.statusCode());
        assertTrue(upstream.received().isEmpty());
    }

    private static List<String> dataLines(String body) {
        return body.lines().filter(line -> line.startsWith("data: ")).map(line -> line.substring(6)).toList();
    }
}
