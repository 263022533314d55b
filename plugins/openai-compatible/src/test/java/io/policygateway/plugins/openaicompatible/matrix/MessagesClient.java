package io.policygateway.plugins.openaicompatible.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/** An Anthropic Messages client ({@code /v1/messages}). */
final class MessagesClient implements ClientDialect {

    @Override
    public String title() {
        return "Anthropic Messages";
    }

    @Override
    public String path() {
        return "/v1/messages";
    }

    @Override
    public ObjectNode body(RequestSpec spec) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("model", spec.model()).put("max_tokens", 200);
        if (spec.system() != null) {
            body.put("system", spec.system());
        }
        ArrayNode messages = body.putArray("messages");
        ArrayNode user = messages.addObject().put("role", "user").putArray("content");
        user.addObject().put("type", "text").put("text", "What is the weather in Paris?");
        if (spec.image() != null) {
            ObjectNode source = user.addObject().put("type", "image").putObject("source");
            if (spec.image().equals("url")) {
                source.put("type", "url").put("url", "https://example.com/paris.png");
            } else {
                source.put("type", "base64").put("media_type", "image/png").put("data", PNG);
            }
        }
        if (spec.toolResult()) {
            messages.addObject().put("role", "assistant").putArray("content").addObject().put("type", "tool_use").put("id", "call_1")
                    .put("name", "get_weather").set("input", JSON.readTree("{\"city\":\"Paris\"}"));
            messages.addObject().put("role", "user").putArray("content").addObject().put("type", "tool_result").put("tool_use_id", "call_1")
                    .put("content", "15C");
        }
        if (spec.tools() || spec.toolResult()) {
            body.putArray("tools").addObject().put("name", "get_weather").set("input_schema", JSON.readTree(TOOL_SCHEMA));
        }
        if (spec.stream()) {
            body.put("stream", true);
        }
        return body;
    }

    @Override
    public Answer whole(JsonNode body) {
        StringBuilder text = new StringBuilder();
        String name = null;
        String arguments = null;
        for (JsonNode block : body.path("content")) {
            if (block.path("type").asText().equals("text")) {
                text.append(block.path("text").asText());
            } else if (block.path("type").asText().equals("tool_use")) {
                name = block.path("name").asText();
                arguments = block.path("input").toString();
            }
        }
        JsonNode usage = body.path("usage");
        return new Answer(text.toString(), name, arguments,
                usage.path("input_tokens").asLong() + usage.path("cache_read_input_tokens").asLong(), usage.path("output_tokens").asLong());
    }

    @Override
    public Answer stream(List<JsonNode> events) {
        StringBuilder text = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        String name = null;
        long input = 0;
        long output = 0;
        for (JsonNode event : events) {
            switch (event.path("type").asText()) {
                case "message_start" -> input = Math.max(input, event.path("message").path("usage").path("input_tokens").asLong());
                case "content_block_start" -> {
                    if (event.path("content_block").path("type").asText().equals("tool_use")) {
                        name = event.path("content_block").path("name").asText();
                    }
                }
                case "content_block_delta" -> {
                    text.append(event.path("delta").path("text").asText(""));
                    arguments.append(event.path("delta").path("partial_json").asText(""));
                }
                case "message_delta" -> {
                    input = Math.max(input, event.path("usage").path("input_tokens").asLong());
                    output = event.path("usage").path("output_tokens").asLong();
                }
                default -> {
                }
            }
        }
        return new Answer(text.toString(), name, name == null ? null : arguments.toString(), input, output);
    }

    @Override
    public boolean isRateLimitError(JsonNode body) {
        return body.path("type").asText().equals("error") && body.path("error").path("type").asText().equals("rate_limit_error");
    }
}
