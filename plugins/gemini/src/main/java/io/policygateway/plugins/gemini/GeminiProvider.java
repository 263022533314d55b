package io.policygateway.plugins.gemini;

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
import java.util.Map;
import java.util.Set;

/**
 * Google's Gemini API (generativelanguage.googleapis.com): OpenAI chat requests are translated to
 * {@code generateContent} / {@code streamGenerateContent} and back; OpenAI embeddings to
 * {@code batchEmbedContents}. Thread-safe.
 */
final class GeminiProvider implements Provider {
    private static final Set<WireFormat> FORMATS = Set.of(WireFormat.OPENAI_CHAT, WireFormat.OPENAI_EMBEDDINGS);

    private final String name;
    private final GeminiSettings settings;
    private final PluginContext context;
    private final GeminiEndpoint endpoint;

    GeminiProvider(String name, GeminiSettings settings, PluginContext context) {
        this.name = requireNonNull(name, "name is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.endpoint = new GeminiEndpoint(name, settings, context);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "gemini";
    }

    @Override
    public Set<WireFormat> formats() {
        return FORMATS;
    }

    @Override
    public List<String> models() {
        return settings.models();
    }

    /** Any {@code gemini-*} model, plus the configured and catalogued ones (embedding models included). */
    @Override
    public boolean servesModel(String model) {
        return model.startsWith("gemini-") || settings.models().contains(model);
    }

    @Override
    public ProviderResponse send(ProviderRequest request) throws GatewayException {
        return switch (request.format()) {
            case OPENAI_CHAT -> chat(request);
            case OPENAI_EMBEDDINGS -> embeddings(request);
            case OPENAI_IMAGES -> throw unsupported("image generation (/v1/images/generations)");
            case ANTHROPIC_MESSAGES, OPENAI_RESPONSES -> throw unsupported(request.format() + " bodies (the kernel translates them to chat)");
        };
    }

    private ProviderResponse chat(ProviderRequest request) throws GatewayException {
        ObjectNode body = ChatRequestToGemini.translate(request.body(), name);
        if (request.stream()) {
            UpstreamResponse response = endpoint.post(endpoint.uri(request.model(), "streamGenerateContent"), body, request);
            boolean includeUsage = request.body().path("stream_options").path("include_usage").asBoolean(false);
            return new ProviderResponse.Streaming(WireFormat.OPENAI_CHAT,
                    new GeminiToChatStream(name, response, request.model(), includeUsage, context.clock()), Map.of());
        }
        UpstreamResponse response = endpoint.post(endpoint.uri(request.model(), "generateContent"), body, request);
        return new ProviderResponse.Complete(WireFormat.OPENAI_CHAT,
                GeminiToChatCompletion.translate(endpoint.readBody(response), request.model(), context.clock()), Map.of());
    }

    private ProviderResponse embeddings(ProviderRequest request) throws GatewayException {
        ObjectNode body = EmbeddingsToGemini.request(request.body(), request.model());
        UpstreamResponse response = endpoint.post(endpoint.uri(request.model(), "batchEmbedContents"), body, request);
        return new ProviderResponse.Complete(WireFormat.OPENAI_EMBEDDINGS,
                EmbeddingsToGemini.response(endpoint.readBody(response), request.body(), request.model()), Map.of());
    }

    private GatewayException unsupported(String capability) {
        return GatewayException.invalid(null, "provider '" + name + "' (gemini) does not support " + capability);
    }
}
