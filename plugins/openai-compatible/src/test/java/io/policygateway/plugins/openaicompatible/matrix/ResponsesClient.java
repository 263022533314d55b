package io.policygateway.plugins.openaicompatible.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/** An OpenAI Responses client ({@code /v1/responses}). */
final class ResponsesClient implements ClientDialect {

    @Override
    public String title() {
        return "OpenAI Responses";
    }

    @Override
    public String path() {
        return "/v1/responses";
    }

    @Override
    public ObjectNode body(RequestSpec spec) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("model", spec.model());
        if (spec.system() != null) {
            body.put("instructions", spec.system());
        }
        ArrayNode input = body.putArray("input");
        ArrayNode content = input.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "input_text").put("text", "What is the weather in Paris?");
        if (spec.image() != null) {
            content.addObject().put("type", "input_image").put("image_url",
                    spec.image().equals("url") ? "https://example.com/paris.png" : "data:image/png;base64," + PNG);
        }
        if (spec.toolResult()) {
            input.addObject().put("type", "function_call").put("call_id", "call_1").put("name", "get_weather").put("arguments", "{\"city\":\"Paris\"}");
            input.addObject().put("type", "function_call_output").put("call_id", "call_1").put("output", "15C");
        }
        if (spec.tools() || spec.toolResult()) {
            body.putArray("tools").addObject().put("type", "function").put("name", "get_weather").set("parameters", JSON.readTree(TOOL_SCHEMA));
        }
        if (spec.json()) {
            body.putObject("text").putObject("format").put("type", "json_schema").put("name", "city").set("schema", JSON.readTree(TOOL_SCHEMA));
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
        for (JsonNode item : body.path("output")) {
            if (item.path("type").asText().equals("message")) {
                item.path("content").forEach(part -> text.append(part.path("text").asText("")));
            } else if (item.path("type").asText().equals("function_call")) {
                name = item.path("name").asText();
                arguments = item.path("arguments").asText();
            }
        }
        return new Answer(text.toString(), name, arguments, body.path("usage").path("input_tokens").asLong(),
                body.path("usage").path("output_tokens").asLong());
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
                case "response.output_text.delta" -> text.append(event.path("delta").asText());
                case "response.output_item.added" -> {
                    if (event.path("item").path("type").asText().equals("function_call")) {
                        name = event.path("item").path("name").asText();
                    }
                }
                case "response.function_call_arguments.delta" -> arguments.append(event.path("delta").asText());
                case "response.completed", "response.incomplete" -> {
                    input = event.path("response").path("usage").path("input_tokens").asLong();
                    output = event.path("response").path("usage").path("output_tokens").asLong();
                }
                default -> {
                }
            }
        }
        return new Answer(text.toString(), name, name == null ? null : arguments.toString(), input, output);
    }

    @Override
    public boolean isRateLimitError(JsonNode body) {
        return body.path("error").path("type").asText().equals("rate_limit_error");
    }
}
