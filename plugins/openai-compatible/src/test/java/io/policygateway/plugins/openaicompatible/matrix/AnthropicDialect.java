package io.policygateway.plugins.openaicompatible.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Anthropic Messages, answers and named stream events as Anthropic's API reference shows them. */
record AnthropicDialect(String model) implements UpstreamDialect {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String provider() {
        return "anthropic";
    }

    @Override
    public Reply text(String text, int inputTokens, int outputTokens) {
        return Reply.status(200, message("[{\"type\":\"text\",\"text\":" + quote(text) + "}]", "end_turn", inputTokens, outputTokens));
    }

    @Override
    public Reply textStream(List<String> pieces, int inputTokens, int outputTokens) {
        List<String> events = new ArrayList<>();
        events.add(start(inputTokens));
        events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        events.add(event("ping", "{\"type\":\"ping\"}"));
        for (String piece : pieces) {
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                    + quote(piece) + "}}"));
        }
        events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        events.addAll(end("end_turn", outputTokens));
        return Reply.sse(events, 0);
    }

    @Override
    public Reply toolCall(String name, String argumentsJson) {
        return Reply.status(200, message("[{\"type\":\"tool_use\",\"id\":\"toolu_m1\",\"name\":\"" + name + "\",\"input\":" + argumentsJson + "}]",
                "tool_use", 20, 5));
    }

    @Override
    public Reply toolCallStream(String name, List<String> argumentFragments) {
        List<String> events = new ArrayList<>();
        events.add(start(20));
        events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\","
                + "\"id\":\"toolu_m1\",\"name\":\"" + name + "\",\"input\":{}}}"));
        for (String fragment : argumentFragments) {
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\","
                    + "\"partial_json\":" + quote(fragment) + "}}"));
        }
        events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        events.addAll(end("tool_use", 5));
        return Reply.sse(events, 0);
    }

    /** Anthropic has no JSON mode: the gateway forces a tool named after the schema, and its input is the JSON. */
    @Override
    public Reply json(String schemaName, String json) {
        return Reply.status(200, message("[{\"type\":\"tool_use\",\"id\":\"toolu_j1\",\"name\":\"" + schemaName + "\",\"input\":" + json + "}]",
                "tool_use", 10, 3));
    }

    @Override
    public Reply rateLimited(int retryAfterSeconds) {
        return Reply.json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of requests has exceeded your rate limit\"}}",
                Map.of("retry-after", Integer.toString(retryAfterSeconds)));
    }

    @Override
    public UpstreamView view(FakeUpstream.Recorded request) throws IOException {
        JsonNode body = JSON.readTree(request.body());
        JsonNode systemNode = body.path("system");
        String system = systemNode.isTextual() ? systemNode.asText() : systemNode.isArray() ? systemNode.get(0).path("text").asText() : null;
        String user = null;
        String toolResult = null;
        boolean image = false;
        for (JsonNode message : body.path("messages")) {
            if (!message.path("role").asText().equals("user")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                text.append(content.asText());
            }
            for (JsonNode block : content) {
                switch (block.path("type").asText()) {
                    case "text" -> text.append(block.path("text").asText());
                    case "image" -> image = true;
                    case "tool_result" -> toolResult = block.path("content").isTextual() ? block.path("content").asText()
                            : block.path("content").path(0).path("text").asText();
                    default -> {
                    }
                }
            }
            user = text.toString();
        }
        List<String> tools = new ArrayList<>();
        body.path("tools").forEach(tool -> tools.add(tool.path("name").asText()));
        return new UpstreamView(system, user, toolResult, image, body.path("tool_choice").path("type").asText().equals("tool"), tools);
    }

    private String message(String content, String stopReason, int inputTokens, int outputTokens) {
        return "{\"id\":\"msg_m1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + model + "\",\"content\":" + content
                + ",\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + inputTokens
                + ",\"output_tokens\":" + outputTokens + "}}";
    }

    private String start(int inputTokens) {
        return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_m2\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"" + model + "\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
                + inputTokens + ",\"output_tokens\":1}}}");
    }

    private static List<String> end(String stopReason, int outputTokens) {
        return List.of(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                        + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}"),
                event("message_stop", "{\"type\":\"message_stop\"}"));
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
