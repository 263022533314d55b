package io.policygateway.plugins.openaicompatible.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/** Bedrock Converse answers and ConverseStream AWS event-stream frames. */
record BedrockDialect(String model) implements UpstreamDialect {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String provider() {
        return "bedrock";
    }

    @Override
    public Reply text(String text, int inputTokens, int outputTokens) {
        return Reply.json(200, converse("[{\"text\":" + quote(text) + "}]", "end_turn", inputTokens, outputTokens),
                Map.of("x-amzn-RequestId", "req-m1"));
    }

    @Override
    public Reply textStream(List<String> pieces, int inputTokens, int outputTokens) {
        List<byte[]> frames = new ArrayList<>();
        frames.add(frame("messageStart", "{\"role\":\"assistant\"}"));
        for (String piece : pieces) {
            frames.add(frame("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":" + quote(piece) + "}}"));
        }
        frames.add(frame("contentBlockStop", "{\"contentBlockIndex\":0}"));
        frames.add(frame("messageStop", "{\"stopReason\":\"end_turn\"}"));
        frames.add(frame("metadata", "{\"usage\":{\"inputTokens\":" + inputTokens + ",\"outputTokens\":" + outputTokens + ",\"totalTokens\":"
                + (inputTokens + outputTokens) + "},\"metrics\":{\"latencyMs\":100}}"));
        return eventStream(frames);
    }

    @Override
    public Reply toolCall(String name, String argumentsJson) {
        return Reply.json(200, converse("[{\"toolUse\":{\"toolUseId\":\"tooluse_m1\",\"name\":\"" + name + "\",\"input\":" + argumentsJson + "}}]",
                "tool_use", 20, 5), Map.of());
    }

    @Override
    public Reply toolCallStream(String name, List<String> argumentFragments) {
        List<byte[]> frames = new ArrayList<>();
        frames.add(frame("messageStart", "{\"role\":\"assistant\"}"));
        frames.add(frame("contentBlockStart", "{\"contentBlockIndex\":0,\"start\":{\"toolUse\":{\"toolUseId\":\"tooluse_m1\",\"name\":\"" + name + "\"}}}"));
        for (String fragment : argumentFragments) {
            frames.add(frame("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":{\"input\":" + quote(fragment) + "}}}"));
        }
        frames.add(frame("contentBlockStop", "{\"contentBlockIndex\":0}"));
        frames.add(frame("messageStop", "{\"stopReason\":\"tool_use\"}"));
        frames.add(frame("metadata", "{\"usage\":{\"inputTokens\":20,\"outputTokens\":5,\"totalTokens\":25}}"));
        return eventStream(frames);
    }

    /** Converse has no JSON mode: the gateway forces a tool named after the schema, and its input is the JSON. */
    @Override
    public Reply json(String schemaName, String json) {
        return Reply.json(200, converse("[{\"toolUse\":{\"toolUseId\":\"tooluse_j1\",\"name\":\"" + schemaName + "\",\"input\":" + json + "}}]",
                "tool_use", 10, 3), Map.of());
    }

    @Override
    public Reply rateLimited(int retryAfterSeconds) {
        return Reply.json(429, "{\"message\":\"Too many requests, please wait before trying again.\"}",
                Map.of("x-amzn-ErrorType", "ThrottlingException", "retry-after", Integer.toString(retryAfterSeconds)));
    }

    @Override
    public UpstreamView view(FakeUpstream.Recorded request) throws IOException {
        JsonNode body = JSON.readTree(request.body());
        String system = body.path("system").isMissingNode() ? null : body.path("system").path(0).path("text").asText();
        String user = null;
        String toolResult = null;
        boolean image = false;
        for (JsonNode message : body.path("messages")) {
            if (!message.path("role").asText().equals("user")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (JsonNode block : message.path("content")) {
                text.append(block.path("text").asText(""));
                image |= block.has("image");
                if (block.has("toolResult")) {
                    toolResult = block.path("toolResult").path("content").path(0).path("text").asText();
                }
            }
            user = text.toString();
        }
        List<String> tools = new ArrayList<>();
        body.path("toolConfig").path("tools").forEach(tool -> tools.add(tool.path("toolSpec").path("name").asText()));
        return new UpstreamView(system, user, toolResult, image, body.path("toolConfig").path("toolChoice").has("tool"), tools);
    }

    private static String converse(String content, String stopReason, int inputTokens, int outputTokens) {
        return "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":" + content + "}},\"stopReason\":\"" + stopReason
                + "\",\"usage\":{\"inputTokens\":" + inputTokens + ",\"outputTokens\":" + outputTokens + ",\"totalTokens\":"
                + (inputTokens + outputTokens) + "},\"metrics\":{\"latencyMs\":100}}";
    }

    private static Reply eventStream(List<byte[]> frames) {
        return (response, out, released) -> {
            response.setStatus(200);
            response.getHeaders().put("content-type", "application/vnd.amazon.eventstream");
            for (byte[] frame : frames) {
                out.write(frame);
                out.flush();
            }
        };
    }

    /** One AWS event-stream message: prelude with CRC32, string headers, JSON payload, message CRC32. */
    private static byte[] frame(String eventType, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
            encoded.write(name.length());
            encoded.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            encoded.write(7);
            encoded.write(valueBytes.length >> 8);
            encoded.write(valueBytes.length & 0xff);
            encoded.writeBytes(valueBytes);
        });
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        int total = 12 + encoded.size() + payload.length + 4;
        ByteBuffer buffer = ByteBuffer.allocate(total).putInt(total).putInt(encoded.size());
        buffer.putInt((int) crc(buffer.array(), 8)).put(encoded.toByteArray()).put(payload);
        buffer.putInt((int) crc(buffer.array(), total - 4));
        return buffer.array();
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
