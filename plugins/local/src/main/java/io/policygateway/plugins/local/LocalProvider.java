package io.policygateway.plugins.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.api.guardrail.ChatText;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderRequest;
import io.policygateway.api.provider.ProviderResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers chat requests deterministically from the prompt (same request, same answer), streams
 * them word by word, counts usage, and computes deterministic embeddings. Useful to try the
 * gateway, its policies and its clients without any provider account.
 */
final class LocalProvider implements Provider {
    static final List<String> MODELS = List.of("local-chat", "local-echo", "local-embedding");

    private final String name;
    private final ObjectMapper json;
    private final Duration chunkDelay;
    private final int dimensions;

    LocalProvider(String name, ObjectMapper json, Duration chunkDelay, int dimensions) {
        this.name = name;
        this.json = json;
        this.chunkDelay = chunkDelay;
        this.dimensions = dimensions;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "local";
    }

    @Override
    public Set<WireFormat> formats() {
        return Set.of(WireFormat.OPENAI_CHAT, WireFormat.OPENAI_EMBEDDINGS);
    }

    @Override
    public List<String> models() {
        return MODELS;
    }

    @Override
    public boolean servesModel(String model) {
        return model.startsWith("local-");
    }

    @Override
    public ProviderResponse send(ProviderRequest request) throws GatewayException {
        return switch (request.format()) {
            case OPENAI_CHAT -> chat(request);
            case OPENAI_EMBEDDINGS -> new ProviderResponse.Complete(WireFormat.OPENAI_EMBEDDINGS,
                    LocalEmbeddings.respond(json, request.model(), request.body(), dimensions), Map.of());
            case ANTHROPIC_MESSAGES, OPENAI_RESPONSES, OPENAI_IMAGES -> throw GatewayException.invalid("model",
                    "The local provider does not support " + request.format() + " requests.");
        };
    }

    private ProviderResponse chat(ProviderRequest request) {
        ObjectNode body = request.body();
        String answer = LocalAnswers.answer(request.model(), body);
        long promptTokens = LocalAnswers.estimateTokens(ChatText.joinedRequestText(body));
        long completionTokens = LocalAnswers.estimateTokens(answer);
        String id = "chatcmpl-local-" + Integer.toHexString(body.toString().hashCode() & 0x7fffffff);
        long created = System.currentTimeMillis() / 1000;
        if (request.stream()) {
            boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
            return new ProviderResponse.Streaming(WireFormat.OPENAI_CHAT,
                    new LocalChatStream(json, id, created, request.model(), answer, promptTokens, completionTokens, includeUsage, chunkDelay),
                    Map.of());
        }
        ObjectNode completion = json.createObjectNode();
        completion.put("id", id);
        completion.put("object", "chat.completion");
        completion.put("created", created);
        completion.put("model", request.model());
        ArrayNode choices = completion.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", answer);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        usage(completion.putObject("usage"), promptTokens, completionTokens);
        completion.putNull("system_fingerprint");
        return new ProviderResponse.Complete(WireFormat.OPENAI_CHAT, completion, Map.of());
    }

    static void usage(ObjectNode usage, long promptTokens, long completionTokens) {
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
    }

    static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("text").isTextual()) {
                text.append(part.path("text").asText());
            }
        }
        return text.toString();
    }
}
