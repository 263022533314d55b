package io.policygateway.plugins.openaicompatible;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PluginContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.UpstreamResponse;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderRequest;
import io.policygateway.api.provider.ProviderResponse;
import java.util.List;
import java.util.Set;

/**
 * One OpenAI-compatible host. Bodies pass through unchanged except {@code model}, which is set to the
 * routed model (so {@code ollama/llama3.1} reaches Ollama as {@code llama3.1}). Thread-safe.
 */
final class OpenAiCompatibleProvider implements Provider {
    private final String name;
    private final CompatibleSettings settings;
    private final OpenAiHttp http;

    OpenAiCompatibleProvider(String name, CompatibleSettings settings, PluginContext context) {
        this.name = requireNonNull(name, "name is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.http = new OpenAiHttp(name, settings, context);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "openai-compatible";
    }

    @Override
    public Set<WireFormat> formats() {
        return settings.formats();
    }

    @Override
    public List<String> models() {
        return settings.models();
    }

    /**
     * The listed models, or every name when {@code any_model} is set. Other names still reach this host
     * with its name as prefix ({@code ollama/llama3.1}): the kernel routes prefixed names directly.
     */
    @Override
    public boolean servesModel(String model) {
        return settings.anyModel() || settings.models().contains(model);
    }

    @Override
    public ProviderResponse send(ProviderRequest request) throws GatewayException {
        if (!settings.formats().contains(request.format())) {
            throw GatewayException.invalid(null, "provider '" + name + "' (openai-compatible) does not offer "
                    + describe(request.format()) + "; list it under formats: if the host supports it");
        }
        String path = switch (request.format()) {
            case OPENAI_CHAT -> "/chat/completions";
            case OPENAI_EMBEDDINGS -> "/embeddings";
            case OPENAI_IMAGES -> "/images/generations";
            case ANTHROPIC_MESSAGES, OPENAI_RESPONSES -> throw new IllegalStateException(request.format() + " is translated by the kernel");
        };
        ObjectNode body = request.body();
        if (!request.model().equals(body.path("model").asText())) {
            body = body.deepCopy().put("model", request.model());
        }
        UpstreamResponse response = http.post(path, body, request);
        if (request.stream() && request.format() == WireFormat.OPENAI_CHAT) {
            return new ProviderResponse.Streaming(request.format(), new ChatChunkStream(name, response), http.passedHeaders(response));
        }
        return new ProviderResponse.Complete(request.format(), http.readBody(response), http.passedHeaders(response));
    }

    private static String describe(WireFormat format) {
        return switch (format) {
            case OPENAI_CHAT -> "chat completions";
            case OPENAI_EMBEDDINGS -> "embeddings (/v1/embeddings)";
            case OPENAI_IMAGES -> "image generation (/v1/images/generations)";
            case ANTHROPIC_MESSAGES -> "the Anthropic Messages format";
            case OPENAI_RESPONSES -> "the OpenAI Responses format";
        };
    }
}
