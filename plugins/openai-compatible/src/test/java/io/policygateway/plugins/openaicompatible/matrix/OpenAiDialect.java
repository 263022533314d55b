package io.policygateway.plugins.openaicompatible.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** OpenAI chat completions, as OpenAI-compatible hosts and Azure OpenAI speak it. */
record OpenAiDialect(String provider, String model) implements UpstreamDialect {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD = "data: {\"id\":\"chatcmpl-m1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":";

    @Override
    public Reply text(String text, int inputTokens, int outputTokens) {
        return Reply.status(200, OpenAiWire.completion(model, text, inputTokens, outputTokens));
    }

    @Override
    public Reply textStream(List<String> pieces, int inputTokens, int outputTokens) {
        return Reply.sse(OpenAiWire.streamFrames(model, pieces, true, inputTokens, outputTokens), 0);
    }

    @Override
    public Reply toolCall(String name, String argumentsJson) {
        return Reply.status(200, """
                {"id":"chatcmpl-m2","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"tool_calls",
                 "message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_m1","type":"function",
                 "function":{"name":"%s","arguments":%s}}]}}],"usage":{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25}}"""
                .formatted(name, quote(argumentsJson)));
    }

    @Override
    public Reply toolCallStream(String name, List<String> argumentFragments) {
        List<String> frames = new ArrayList<>();
        frames.add(HEAD + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_m1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"" + name + "\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n");
        for (String fragment : argumentFragments) {
            frames.add(HEAD + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + quote(fragment) + "}}]},\"finish_reason\":null}]}\n\n");
        }
        frames.add(HEAD + "{},\"finish_reason\":\"tool_calls\"}]}\n\n");
        frames.add("data: [DONE]\n\n");
        return Reply.sse(frames, 0);
    }

    @Override
    public Reply json(String schemaName, String json) {
        return Reply.status(200, OpenAiWire.completion(model, json.replace("\"", "\\\""), 10, 3));
    }

    @Override
    public Reply rateLimited(int retryAfterSeconds) {
        return Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}",
                Map.of("retry-after", Integer.toString(retryAfterSeconds)));
    }

    @Override
    public UpstreamView view(FakeUpstream.Recorded request) throws IOException {
        JsonNode body = JSON.readTree(request.body());
        String system = null;
        String user = null;
        String toolResult = null;
        boolean image = false;
        for (JsonNode message : body.path("messages")) {
            switch (message.path("role").asText()) {
                case "system" -> system = message.path("content").asText();
                case "tool" -> toolResult = message.path("content").asText();
                case "user" -> {
                    user = text(message.path("content"));
                    for (JsonNode part : message.path("content")) {
                        image |= part.path("type").asText().equals("image_url");
                    }
                }
                default -> {
                }
            }
        }
        List<String> tools = new ArrayList<>();
        body.path("tools").forEach(tool -> tools.add(tool.path("function").path("name").asText()));
        return new UpstreamView(system, user, toolResult, image, body.has("response_format"), tools);
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asText("")));
        return text.toString();
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
