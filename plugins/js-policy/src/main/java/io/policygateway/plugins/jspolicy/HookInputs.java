package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.Usage;
import io.policygateway.api.guardrail.ChatText;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the plain JSON values scripts receive (see the README for their shapes). Values are
 * handed to the script as JSON text and parsed inside the sandbox, so a script only ever holds
 * fresh JavaScript objects of its own, never a host object.
 */
final class HookInputs {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper json;
    private final ObjectNode rule;
    private final ObjectNode params;

    HookInputs(ObjectMapper json, ObjectNode rule, ObjectNode params) {
        this.json = requireNonNull(json, "json is null");
        this.rule = requireNonNull(rule, "rule is null").deepCopy();
        this.params = requireNonNull(params, "params is null").deepCopy();
    }

    /** {@code req}: {@code {model, messages, parameters}} of a canonical chat request. */
    ObjectNode requestView(String model, ObjectNode body) {
        ObjectNode view = NODES.objectNode();
        view.put("model", model);
        JsonNode messages = body.get("messages");
        view.set("messages", messages != null && messages.isArray() ? messages : NODES.arrayNode());
        ObjectNode parameters = view.putObject("parameters");
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("model") && !field.getKey().equals("messages")) {
                parameters.set(field.getKey(), field.getValue());
            }
        }
        return view;
    }

    String request(String model, ObjectNode body) {
        return write(requestView(model, body));
    }

    /** {@code res}: the completion's choices and text, usage, provider and the request that produced it. */
    String response(ObjectNode completion, String provider, String model, Usage usage, ObjectNode requestView) {
        ObjectNode view = NODES.objectNode();
        view.put("model", model);
        view.put("provider", provider);
        JsonNode choices = completion.get("choices");
        view.set("choices", choices != null && choices.isArray() ? choices : NODES.arrayNode());
        StringBuilder text = new StringBuilder();
        for (ChatText.Segment segment : ChatText.responseTexts(completion)) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(segment.text());
        }
        view.put("text", text.toString());
        view.putObject("usage")
                .put("prompt_tokens", usage.inputTokens())
                .put("completion_tokens", usage.outputTokens())
                .put("total_tokens", usage.totalTokens());
        view.set("request", requestView);
        return write(view);
    }

    /** {@code chunk}: one text delta of a streamed answer, its position and the text just before it. */
    String chunk(String text, int index, String tail) {
        return write(NODES.objectNode().put("text", text).put("index", index).put("tail", tail));
    }

    /** {@code ctx}: who is asking, the hook, the rule and the guardrail's params. */
    String context(PolicyContext context, String model, String hook) {
        ObjectNode view = NODES.objectNode();
        view.put("hook", hook);
        view.put("trace_id", context.traceId());
        view.put("surface", context.surface());
        view.put("route", context.route());
        view.put("model", model);
        put(view, "project", context.project());
        put(view, "user", context.user());
        put(view, "target", context.target());
        put(view, "key_name", context.keyName());
        put(view, "policy_id", context.policyId());
        ArrayNode roles = view.putArray("roles");
        context.roles().forEach(roles::add);
        ObjectNode headers = view.putObject("headers");
        context.headers().forEach(headers::put);
        view.set("rule", rule);
        view.set("params", params);
        return write(view);
    }

    private static void put(ObjectNode view, String key, Optional<String> value) {
        if (value.isPresent()) {
            view.put(key, value.get());
        } else {
            view.putNull(key);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a script input as JSON", e);
        }
    }
}
