package io.policygateway.plugins.anthropic;

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
 * Anthropic's Messages API. Anthropic Messages requests pass through unchanged (only {@code model} and
 * {@code stream} are set from the routed request), so {@code cache_control}, thinking blocks and new
 * parameters survive; OpenAI chat requests are translated both ways, streams included. Thread-safe.
 */
final class AnthropicProvider implements Provider {
    private static final Set<WireFormat> FORMATS = Set.of(WireFormat.ANTHROPIC_MESSAGES, WireFormat.OPENAI_CHAT);

    private final String name;
    private final AnthropicSettings settings;
    private final PluginContext context;
    private final AnthropicEndpoint endpoint;

    AnthropicProvider(String name, AnthropicSettings settings, PluginContext context) {
        this.name = requireNonNull(name, "name is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.endpoint = new AnthropicEndpoint(name, settings, context);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "anthropic";
    }

    @Override
    public Set<WireFormat> formats() {
        return FORMATS;
    }

    @Override
    public List<String> models() {
        return settings.models();
    }

    /** Any {@code claude-*} model, plus the configured ones. */
    @Override
    public boolean servesModel(String model) {
        return model.startsWith("claude-") || settings.models().contains(model);
    }

    @Override
    public ProviderResponse send(ProviderRequest request) throws GatewayException {
        return switch (request.format()) {
            case ANTHROPIC_MESSAGES -> passThrough(request);
            case OPENAI_CHAT -> translated(request);
            case OPENAI_RESPONSES -> throw Capabilities.unsupported(name, "the OpenAI Responses format (it is translated to chat first)");
            case OPENAI_EMBEDDINGS -> throw Capabilities.unsupported(name, "embeddings (/v1/embeddings)");
            case OPENAI_IMAGES -> throw Capabilities.unsupported(name, "image generation (/v1/images/generations)");
        };
    }

    private ProviderResponse passThrough(ProviderRequest request) throws GatewayException {
        ObjectNode body = request.body();
        if (!request.model().equals(body.path("model").asText()) || request.stream() != body.path("stream").asBoolean(false)) {
            body = body.deepCopy();
            body.put("model", request.model());
            if (request.stream()) {
                body.put("stream", true);
            } else {
                body.remove("stream");
            }
        }
        UpstreamResponse response = endpoint.send(body, request);
        if (request.stream()) {
            return new ProviderResponse.Streaming(WireFormat.ANTHROPIC_MESSAGES,
                    new PassThroughEventStream(name, response), endpoint.passedHeaders(response));
        }
        return new ProviderResponse.Complete(WireFormat.ANTHROPIC_MESSAGES, endpoint.readBody(response),
                endpoint.passedHeaders(response));
    }

    private ProviderResponse translated(ProviderRequest request) throws GatewayException {
        ChatRequestToAnthropic.Translation translation = ChatRequestToAnthropic.translate(request.body(), request.model(),
                request.stream(), settings.defaultMaxTokens(), name);
        UpstreamResponse response = endpoint.send(translation.body(), request);
        if (request.stream()) {
            return new ProviderResponse.Streaming(WireFormat.OPENAI_CHAT,
                    new AnthropicToChatStream(name, response, translation, context.clock()), endpoint.passedHeaders(response));
        }
        return new ProviderResponse.Complete(WireFormat.OPENAI_CHAT,
                AnthropicToChatCompletion.translate(endpoint.readBody(response), translation, context.clock()),
                endpoint.passedHeaders(response));
    }
}
