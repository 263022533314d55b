package io.policygateway.plugins.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.EventStream;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderFactory;
import io.policygateway.api.provider.ProviderRequest;
import io.policygateway.api.provider.ProviderResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BedrockProviderTest {
    private static final String MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private static final Map<String, String> AWS = Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_SESSION_TOKEN", "FwoGZXIvYXdzEXAMPLETOKEN",
            "AWS_REGION", "eu-west-1");
    private static final String CHAT = """
            {"model":"%s","max_tokens":512,"temperature":0.5,"stop":["END"],
             "messages":[{"role":"system","content":"You are a DJ."},
              {"role":"user","content":[{"type":"text","text":"Top song on WZPZ?"},
                {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]},
              {"role":"assistant","content":null,"tool_calls":[{"id":"tooluse_1","type":"function",
                "function":{"name":"top_song","arguments":"{\\"sign\\":\\"WZPZ\\"}"}}]},
              {"role":"tool","tool_call_id":"tooluse_1","content":"{\\"song\\":\\"Elemental Hotel\\"}"}],
             "tools":[{"type":"function","function":{"name":"top_song","description":"Most popular song",
               "parameters":{"type":"object","properties":{"sign":{"type":"string"}},"required":["sign"]}}}],
             "tool_choice":"required"}""".formatted(MODEL);

    private static Provider provider(FakeUpstream upstream) {
        Map<String, String> environment = new HashMap<>(AWS);
        environment.put("BEDROCK_BASE_URL", upstream.baseUri().toString());
        ProviderFactory.ProviderSetup setup = setup(environment);
        assertTrue(setup.isEnabled(), setup.reason());
        return setup.provider();
    }

    private static ProviderFactory.ProviderSetup setup(Map<String, String> environment) {
        return new BedrockProviderFactory().setup("bedrock",
                new ProviderFactory.ProviderConfig(false, PluginConfig.empty("providers.bedrock")), new TestContext(environment));
    }

    private static ProviderRequest request(String body, boolean stream) {
        return new ProviderRequest(WireFormat.OPENAI_CHAT, MODEL, json(body), stream, PolicyContext.anonymous("t"), Map.of(),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void sendsASignedConverseRequestTranslatedFromOpenAiChat() throws Exception {
        try (FakeUpstream bedrock = FakeUpstream.start().answerJson(200, fixture("converse-tool-use.json"),
                Map.of("x-amzn-RequestId", "7f1c2b4e-0000-4000-8000-000000000001"))) {
            provider(bedrock).send(request(CHAT, false));
            FakeUpstream.Recorded sent = bedrock.lastRequest();

            assertEquals("/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse", sent.path());
            String authorization = sent.headers().get("authorization");
            assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260113/eu-west-1/bedrock/aws4_request, "
                    + "SignedHeaders=accept;content-type;host;x-amz-date;x-amz-security-token, Signature="), authorization);
            assertEquals("20260113T101242Z", sent.headers().get("x-amz-date"));
            assertEquals("FwoGZXIvYXdzEXAMPLETOKEN", sent.headers().get("x-amz-security-token"));
            assertEquals(resign(bedrock.baseUri(), sent), authorization, "the signature covers exactly what was sent");
            assertEquals(json("""
                    {"inferenceConfig":{"maxTokens":512,"temperature":0.5,"stopSequences":["END"]},
                     "toolConfig":{"tools":[{"toolSpec":{"name":"top_song","description":"Most popular song",
                       "inputSchema":{"json":{"type":"object","properties":{"sign":{"type":"string"}},"required":["sign"]}}}}],
                      "toolChoice":{"any":{}}},
                     "messages":[
                      {"role":"user","content":[{"text":"Top song on WZPZ?"},{"image":{"format":"png","source":{"bytes":"iVBORw0KGgo="}}}]},
                      {"role":"assistant","content":[{"toolUse":{"toolUseId":"tooluse_1","name":"top_song","input":{"sign":"WZPZ"}}}]},
                      {"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_1","content":[{"json":{"song":"Elemental Hotel"}}]}}]}],
                     "system":[{"text":"You are a DJ."}]}"""), json(sent.body()));
        }
    }

    @Test
    void translatesAConverseToolUseAnswerIntoAChatCompletion() throws Exception {
        try (FakeUpstream bedrock = FakeUpstream.start().answerJson(200, fixture("converse-tool-use.json"),
                Map.of("x-amzn-RequestId", "7f1c2b4e-0000-4000-8000-000000000001"))) {
            ProviderResponse response = provider(bedrock).send(request(CHAT, false));
            ObjectNode completion = ((ProviderResponse.Complete) response).body();
            assertEquals("chatcmpl-7f1c2b4e-0000-4000-8000-000000000001", completion.path("id").asText());
            assertEquals(MODEL, completion.path("model").asText());
            JsonNode choice = completion.path("choices").get(0);
            assertEquals("I'll look up the most popular song on WZPZ.", choice.path("message").path("content").asText());
            assertEquals("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", choice.path("message").path("tool_calls").get(0).path("id").asText());
            assertEquals("{\"sign\":\"WZPZ\"}", choice.path("message").path("tool_calls").get(0).path("function").path("arguments").asText());
            assertEquals("tool_calls", choice.path("finish_reason").asText());
            assertEquals(json("{\"prompt_tokens\":475,\"completion_tokens\":70,\"total_tokens\":545,\"prompt_tokens_details\":{\"cached_tokens\":100}}"),
                    json(completion.path("usage").toString()));
        }
    }

    @Test
    void streamsConverseStreamFramesAsChatChunksEvenWhenFramesAreSplitAcrossReads() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (JsonNode event : TestContext.JSON.readTree(fixture("converse-stream-events.json"))) {
            frames.add(EventStreamEncoder.event(event.get(0).asText(), event.get(1).toString()));
        }
        byte[] all = concatenate(frames);
        List<byte[]> parts = List.of(java.util.Arrays.copyOfRange(all, 0, 7), java.util.Arrays.copyOfRange(all, 7, 150),
                java.util.Arrays.copyOfRange(all, 150, all.length));
        try (FakeUpstream bedrock = FakeUpstream.start().answerBytes(200, Map.of("content-type", "application/vnd.amazon.eventstream"), parts)) {
            ProviderResponse response = provider(bedrock).send(request(
                    "{\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Top song?\"}],"
                            + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"top_song\",\"parameters\":{\"type\":\"object\"}}}]}", true));
            assertEquals("/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream", bedrock.lastRequest().path());
            List<JsonNode> chunks = drain(response);
            assertEquals("assistant", chunks.get(0).path("choices").get(0).path("delta").path("role").asText());
            StringBuilder text = new StringBuilder();
            StringBuilder arguments = new StringBuilder();
            for (JsonNode chunk : chunks) {
                JsonNode delta = chunk.path("choices").path(0).path("delta");
                text.append(delta.path("content").asText(""));
                for (JsonNode call : delta.path("tool_calls")) {
                    arguments.append(call.path("function").path("arguments").asText(""));
                }
            }
            assertEquals("I'll look up the top song.", text.toString());
            assertEquals(json("{\"sign\":\"WZPZ\"}"), json(arguments.toString()));
            JsonNode toolStart = chunks.get(3).path("choices").get(0).path("delta").path("tool_calls").get(0);
            assertEquals("tooluse_6PJ8tWBrQ9OIiQbkHfnU9Q", toolStart.path("id").asText());
            assertEquals("top_song", toolStart.path("function").path("name").asText());
            assertEquals("tool_calls", chunks.get(chunks.size() - 2).path("choices").get(0).path("finish_reason").asText());
            assertEquals(445, chunks.get(chunks.size() - 1).path("usage").path("total_tokens").asInt());
        }
    }

    @Test
    void failsTheStreamOnAThrottlingException() throws Exception {
        List<byte[]> frames = List.of(EventStreamEncoder.event("messageStart", "{\"role\":\"assistant\"}"),
                EventStreamEncoder.exception("throttlingException", "{\"message\":\"Too many requests, please wait before trying again.\"}"));
        try (FakeUpstream bedrock = FakeUpstream.start().answerBytes(200, Map.of("content-type", "application/vnd.amazon.eventstream"), frames)) {
            ProviderResponse response = provider(bedrock).send(request("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", true));
            GatewayException error = assertThrows(GatewayException.class, () -> drain(response));
            assertEquals(ErrorCategory.RATE_LIMITED, error.category());
            assertEquals("bedrock stream failed (throttlingException): Too many requests, please wait before trying again.", error.getMessage());
        }
    }

    @Test
    void failsTheStreamOnACorruptFrame() throws Exception {
        byte[] frame = EventStreamEncoder.event("messageStart", "{\"role\":\"assistant\"}");
        frame[frame.length - 1] ^= 1;
        try (FakeUpstream bedrock = FakeUpstream.start().answerBytes(200, Map.of(), List.of(frame))) {
            ProviderResponse response = provider(bedrock).send(request("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", true));
            GatewayException error = assertThrows(GatewayException.class, () -> drain(response));
            assertEquals(ErrorCategory.UPSTREAM, error.category());
            assertEquals("bedrock sent a corrupt event stream: event stream message checksum mismatch", error.getMessage());
        }
    }

    @Test
    void mapsBedrockErrorsByStatusAndErrorType() throws Exception {
        try (FakeUpstream bedrock = FakeUpstream.start().answerJson(400, "{\"message\":\"The provided model identifier is invalid.\"}",
                Map.of("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/"))) {
            GatewayException error = assertThrows(GatewayException.class, () -> provider(bedrock).send(request(CHAT, false)));
            assertEquals(ErrorCategory.INVALID_REQUEST, error.category());
            assertEquals(Optional.of("ValidationException"), error.code());
            assertEquals("bedrock rejected the request (HTTP 400): The provided model identifier is invalid.", error.getMessage());
        }
        try (FakeUpstream bedrock = FakeUpstream.start().answerJson(429, "{\"message\":\"Too many requests\"}",
                Map.of("x-amzn-ErrorType", "ThrottlingException"))) {
            assertEquals(ErrorCategory.RATE_LIMITED,
                    assertThrows(GatewayException.class, () -> provider(bedrock).send(request(CHAT, false))).category());
        }
        try (FakeUpstream bedrock = FakeUpstream.start().answerJson(403, "{\"message\":\"The security token included in the request is invalid.\"}",
                Map.of("x-amzn-ErrorType", "UnrecognizedClientException"))) {
            GatewayException error = assertThrows(GatewayException.class, () -> provider(bedrock).send(request(CHAT, false)));
            assertEquals(ErrorCategory.UPSTREAM, error.category());
            assertEquals(Optional.of("UnrecognizedClientException"), error.code());
        }
    }

    @Test
    void refusesImagesByUrlAndEmbeddings() throws Exception {
        try (FakeUpstream bedrock = FakeUpstream.start()) {
            Provider provider = provider(bedrock);
            GatewayException byUrl = assertThrows(GatewayException.class, () -> provider.send(request(
                    "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/a.png\"}}]}]}", false)));
            assertEquals(Optional.of("messages[0].content[0].image_url.url"), byUrl.param());
            GatewayException embeddings = assertThrows(GatewayException.class, () -> provider.send(new ProviderRequest(WireFormat.OPENAI_EMBEDDINGS,
                    "amazon.titan-embed-text-v2:0", json("{\"input\":\"x\"}"), false, PolicyContext.anonymous("t"), Map.of(),
                    Duration.ofSeconds(5), Duration.ofSeconds(5))));
            assertEquals("provider 'bedrock' (bedrock) does not support embeddings (/v1/embeddings)", embeddings.getMessage());
        }
    }

    @Test
    void isEnabledByAwsVariablesAndServesBedrockModelIds() {
        assertEquals("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set", setup(Map.of()).reason());
        Map<String, String> noRegion = new HashMap<>(AWS);
        noRegion.remove("AWS_REGION");
        assertTrue(setup(noRegion).reason().startsWith("no region"));
        noRegion.put("AWS_DEFAULT_REGION", "us-west-2");
        ProviderFactory.ProviderSetup setup = setup(noRegion);
        assertEquals("AWS credentials are set; calling https://bedrock-runtime.us-west-2.amazonaws.com in us-west-2", setup.reason());
        Provider provider = setup.provider();
        assertTrue(provider.servesModel("us.anthropic.claude-3-7-sonnet-20250219-v1:0"));
        assertTrue(provider.servesModel("meta.llama3-1-8b-instruct-v1:0"));
        assertTrue(provider.servesModel("arn:aws:bedrock:us-west-2:123456789012:inference-profile/my-profile"));
        assertFalse(provider.servesModel("claude-sonnet-4-5"));
        assertFalse(provider.servesModel("gpt-4o"));
    }

    @Test
    void isListedAsAPf4jExtension() throws Exception {
        StringBuilder listed = new StringBuilder();
        for (java.net.URL index : java.util.Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                listed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(listed.toString().contains(BedrockProviderFactory.class.getName()));
    }

    private static String resign(URI base, FakeUpstream.Recorded sent) {
        Map<String, String> signed = new HashMap<>();
        signed.put("content-type", sent.headers().get("content-type"));
        signed.put("accept", sent.headers().get("accept"));
        AwsCredentials credentials = new AwsCredentials(AWS.get("AWS_ACCESS_KEY_ID"), AWS.get("AWS_SECRET_ACCESS_KEY"),
                Optional.of(AWS.get("AWS_SESSION_TOKEN")));
        return new SigV4Signer("bedrock", "eu-west-1").sign("POST", URI.create(base + sent.path()), signed,
                sent.body().getBytes(StandardCharsets.UTF_8), credentials, TestContext.CLOCK.instant()).headers().get("authorization");
    }

    private static List<JsonNode> drain(ProviderResponse response) throws GatewayException {
        List<JsonNode> chunks = new ArrayList<>();
        try (EventStream events = ((ProviderResponse.Streaming) response).events()) {
            for (int i = 0; i < 10_000; i++) {
                Optional<SseEvent> event = events.next();
                if (event.isEmpty()) {
                    return chunks;
                }
                chunks.add(json(event.get().data()));
            }
        }
        throw new AssertionError("stream did not end");
    }

    private static byte[] concatenate(List<byte[]> frames) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        frames.forEach(all::writeBytes);
        return all.toByteArray();
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) TestContext.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fixture(String name) {
        try (InputStream in = BedrockProviderTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
