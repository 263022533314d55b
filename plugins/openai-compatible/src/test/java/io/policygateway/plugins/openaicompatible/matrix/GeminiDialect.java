package io.policygateway.plugins.openaicompatible.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Gemini generateContent answers and {@code streamGenerateContent?alt=sse} chunks (CRLF-framed, as Google sends them). */
record GeminiDialect(String model) implements UpstreamDialect {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String provider() {
        return "gemini";
    }

    @Override
    public Reply text(String text, int inputTokens, int outputTokens) {
        return Reply.status(200, response("[{\"text\":" + quote(text) + "}]", "\"STOP\"", inputTokens, outputTokens));
    }

    @Override
    public Reply textStream(List<String> pieces, int inputTokens, int outputTokens) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            chunks.add("data: " + response("[{\"text\":" + quote(pieces.get(i)) + "}]", last ? "\"STOP\"" : "null",
                    inputTokens, last ? outputTokens : 0) + "\r\n\r\n");
        }
        return Reply.sse(chunks, 0);
    }

    @Override
    public Reply toolCall(String name, String argumentsJson) {
        return Reply.status(200, response("[{\"functionCall\":{\"name\":\"" + name + "\",\"args\":" + argumentsJson + "}}]", "\"STOP\"", 20, 5));
    }

    /** Gemini streams a function call whole, so the fragments arrive as one call. */
    @Override
    public Reply toolCallStream(String name, List<String> argumentFragments) {
        return Reply.sse(List.of("data: " + response("[{\"functionCall\":{\"name\":\"" + name + "\",\"args\":" + String.join("", argumentFragments)
                + "}}]", "\"STOP\"", 20, 5) + "\r\n\r\n"), 0);
    }

    @Override
    public Reply json(String schemaName, String json) {
        return text(json, 10, 3);
    }

    @Override
    public Reply rateLimited(int retryAfterSeconds) {
        return Reply.json(429, "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\",\"status\":\"RESOURCE_EXHAUSTED\"}}",
                Map.of("retry-after", Integer.toString(retryAfterSeconds)));
    }

    @Override
    public UpstreamView view(FakeUpstream.Recorded request) throws IOException {
        JsonNode body = JSON.readTree(request.body());
        JsonNode systemParts = body.path("systemInstruction").path("parts");
        String system = systemParts.isMissingNode() ? null : systemParts.path(0).path("text").asText();
        String user = null;
        String toolResult = null;
        boolean image = false;
        for (JsonNode content : body.path("contents")) {
            if (!content.path("role").asText().equals("user")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content.path("parts")) {
                text.append(part.path("text").asText(""));
                image |= part.has("inlineData");
                if (part.has("functionResponse")) {
                    toolResult = part.path("functionResponse").path("response").path("result").asText();
                }
            }
            user = text.toString();
        }
        List<String> tools = new ArrayList<>();
        body.path("tools").path(0).path("functionDeclarations").forEach(tool -> tools.add(tool.path("name").asText()));
        return new UpstreamView(system, user, toolResult, image,
                body.path("generationConfig").path("responseMimeType").asText().equals("application/json"), tools);
    }

    private String response(String parts, String finishReason, int inputTokens, int outputTokens) {
        return "{\"candidates\":[{\"content\":{\"parts\":" + parts + ",\"role\":\"model\"},\"finishReason\":" + finishReason + ",\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":" + inputTokens + ",\"candidatesTokenCount\":" + outputTokens + ",\"totalTokenCount\":"
                + (inputTokens + outputTokens) + "},\"modelVersion\":\"" + model + "\",\"responseId\":\"gm1\"}";
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
