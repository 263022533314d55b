package io.policygateway.plugins.azureopenai;

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
 * Azure OpenAI: OpenAI chat, embeddings and image bodies pass through unchanged to the deployment that
 * serves the routed model ({@code model} in the body is set to the routed model; Azure itself goes by
 * the deployment in the URL). Thread-safe.
 */
final class AzureOpenAiProvider implements Provider {
    private static final Set<WireFormat> FORMATS = Set.of(WireFormat.OPENAI_CHAT, WireFormat.OPENAI_EMBEDDINGS, WireFormat.OPENAI_IMAGES);

    private final String name;
    private final AzureSettings settings;
    private final AzureEndpoint endpoint;

    AzureOpenAiProvider(String name, AzureSettings settings, PluginContext context) {
        this.name = requireNonNull(name, "name is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.endpoint = new AzureEndpoint(name, settings, context);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "azure-openai";
    }

    @Override
    public Set<WireFormat> formats() {
        return FORMATS;
    }

    @Override
    public List<String> models() {
        return settings.models();
    }

    /**
     * The configured models and mapped model names. Other names still reach Azure with the
     * {@code azure-openai/} prefix (a deployment named like the model is then assumed); claiming every
     * name would steal other providers' models.
     */
    @Override
    public boolean servesModel(String model) {
        return settings.models().contains(model);
    }

    @Override
    public ProviderResponse send(ProviderRequest request) throws GatewayException {
        if (!FORMATS.contains(request.format())) {
            throw GatewayException.invalid(null, "provider '" + name + "' (azure-openai) does not accept " + request.format()
                    + " bodies directly; the kernel translates them to chat first");
        }
        ObjectNode body = request.body();
        if (!request.model().equals(body.path("model").asText())) {
            body = body.deepCopy().put("model", request.model());
        }
        UpstreamResponse response = endpoint.post(endpoint.uri(request.format(), endpoint.deployment(request.model())), body, request);
        if (request.stream() && request.format() == WireFormat.OPENAI_CHAT) {
            return new ProviderResponse.Streaming(request.format(), new ChatChunkStream(name, response), endpoint.passedHeaders(response));
        }
        return new ProviderResponse.Complete(request.format(), endpoint.readBody(response), endpoint.passedHeaders(response));
    }
}
