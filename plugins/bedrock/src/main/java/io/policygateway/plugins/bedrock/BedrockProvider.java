package io.policygateway.plugins.bedrock;

import static java.util.Objects.requireNonNull;

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
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Amazon Bedrock's Converse API: OpenAI chat requests are translated to {@code Converse} /
 * {@code ConverseStream} and back, AWS event-stream framing included. Thread-safe.
 */
final class BedrockProvider implements Provider {
    private static final Set<WireFormat> FORMATS = Set.of(WireFormat.OPENAI_CHAT);
    /** {@code vendor.model...}, optionally with a cross-region inference prefix, or an ARN. */
    private static final Pattern MODEL_ID = Pattern.compile(
            "(?:(?:us|eu|apac|us-gov|global)\\.)?(?:amazon|anthropic|ai21|cohere|meta|mistral|deepseek|writer|qwen|openai|twelvelabs)\\.[A-Za-z0-9._:-]+"
                    + "|arn:aws[a-z-]*:bedrock:.+");

    private final String name;
    private final BedrockSettings settings;
    private final PluginContext context;
    private final BedrockEndpoint endpoint;

    BedrockProvider(String name, BedrockSettings settings, PluginContext context) {
        this.name = requireNonNull(name, "name is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.endpoint = new BedrockEndpoint(name, settings, context);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "bedrock";
    }

    @Override
    public Set<WireFormat> formats() {
        return FORMATS;
    }

    @Override
    public List<String> models() {
        return settings.models();
    }

    /** Configured and catalogued models, any Bedrock model id ({@code vendor.model}) and any Bedrock ARN. */
    @Override
    public boolean servesModel(String model) {
        return settings.models().contains(model) || MODEL_ID.matcher(model).matches();
    }

    @Override
    public ProviderResponse send(ProviderRequest request) throws GatewayException {
        if (request.format() != WireFormat.OPENAI_CHAT) {
            throw GatewayException.invalid(null, "provider '" + name + "' (bedrock) does not support " + switch (request.format()) {
                case OPENAI_EMBEDDINGS -> "embeddings (/v1/embeddings)";
                case OPENAI_IMAGES -> "image generation (/v1/images/generations)";
                case OPENAI_CHAT, ANTHROPIC_MESSAGES, OPENAI_RESPONSES -> request.format() + " bodies (the kernel translates them to chat)";
            });
        }
        ChatRequestToConverse.Translation translation = ChatRequestToConverse.translate(request.body(), name);
        UpstreamResponse response = endpoint.post(endpoint.uri(request.model(), request.stream()), translation.body(), request);
        String requestId = response.header("x-amzn-requestid").orElseGet(() -> UUID.randomUUID().toString());
        long created = context.clock().instant().getEpochSecond();
        Map<String, String> headers = Map.of("x-amzn-requestid", requestId);
        if (request.stream()) {
            return new ProviderResponse.Streaming(WireFormat.OPENAI_CHAT,
                    new ConverseStreamToChat(name, response, translation, request.model(), requestId, created), headers);
        }
        return new ProviderResponse.Complete(WireFormat.OPENAI_CHAT, ConverseToChatCompletion.translate(endpoint.readBody(response),
                translation, request.model(), requestId, created), headers);
    }
}
