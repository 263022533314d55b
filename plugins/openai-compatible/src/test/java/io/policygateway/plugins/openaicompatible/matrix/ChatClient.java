package io.policygateway.plugins.openaicompatible.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/** An OpenAI Chat Completions client ({@code /v1/chat/completions}). */
final class ChatClient implements ClientDialect {

    @Override
    public String title() {
        return "OpenAI chat";
    }

    @Override
    public String path() {
        return "/v1/chat/completions";
    }

    @Override
    public ObjectNode body(RequestSpec spec) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("model", spec.model());
        ArrayNode messages = body.putArray("messages");
        if (spec.system() != null) {
            messages.addObject().put("role", "system").put("content", spec.system());
        }
        ObjectNode user = messages.addObject().put("role", "user");
        if (spec.image() == null) {
            user.put("content", "What is the weather in Paris?");
        } else {
            ArrayNode parts = user.putArray("content");
            parts.addObject().put("type", "text").put("text", "What is the weather in Paris?");
            String url = spec.image().equals("url") ? "https://example.com/paris.png" : "data:image/png;base64," + PNG;
            parts.addObject().put("type", "image_url").putObject("image_url").put("url", url);
        }
        if (spec.toolResult()) {
            ObjectNode assistant = messages.addObject().put("role", "assistant");
            assistant.putNull("content");
            assistant.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function").putObject("function")
                    .put("name", "get_weather").put("arguments", "{\"city\":\"Paris\"}");
            messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "15C");
        }
        if (spec.tools() || spec.toolResult()) {
            body.putArray("tools").addObject().put("type", "function").putObject("function").put("name", "get_weather")
                    .set("parameters", JSON.readTree(TOOL_SCHEMA));
        }
        if (spec.json()) {
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema").put("name", "city").set("schema", JSON.readTree(TOOL_SCHEMA));
        }
        if (spec.stream()) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    @Override
    public Answer whole(JsonNode body) {
        JsonNode message = body.path("choices").path(0).path("message");
        JsonNode call = message.path("tool_calls").path(0);
        return new Answer(message.path("content").asText(""), call.path("function").path("name").asText(null),
                call.path("function").path("arguments").asText(null), body.path("usage").path("prompt_tokens").asLong(),
                body.path("usage").path("completion_tokens").asLong());
    }

    @Override
    public Answer stream(List<JsonNode> events) {
        StringBuilder text = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        String name = null;
        long input = 0;
        long output = 0;
        for (JsonNode chunk : events) {
            JsonNode delta = chunk.path("choices").path(0).path("delta");
            text.append(delta.path("content").asText(""));
            for (JsonNode call : delta.path("tool_calls")) {
                if (call.path("function").has("name")) {
                    name = call.path("function").path("name").asText();
                }
                arguments.append(call.path("function").path("arguments").asText(""));
            }
            if (chunk.path("usage").isObject()) {
                input = chunk.path("usage").path("prompt_tokens").asLong();
                output = chunk.path("usage").path("completion_tokens").asLong();
            }
        }
        return new Answer(text.toString(), name, name == null ? null : arguments.toString(), input, output);
    }

    @Override
    public boolean isRateLimitError(JsonNode body) {
        return body.path("error").path("type").asText().equals("rate_limit_error");
    }
}
