package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.kernel.translate.AnthropicRequestToChat;
import io.policygateway.kernel.translate.ChatToAnthropicMessage;
import io.policygateway.kernel.translate.ChatToAnthropicStream;
import java.util.List;

/** {@code /v1/messages}: Anthropic Messages to and from OpenAI chat. */
final class AnthropicClientFormat implements ClientFormat {
    private final ErrorResponses errors;

    AnthropicClientFormat(ErrorResponses errors) {
        this.errors = requireNonNull(errors, "errors is null");
    }

    @Override
    public WireFormat wire() {
        return WireFormat.ANTHROPIC_MESSAGES;
    }

    @Override
    public void validate(ObjectNode body) throws GatewayException {
        JsonBodies.requireString(body, "model");
        if (!body.path("messages").isArray()) {
            throw GatewayException.invalid("messages", "messages: expected an array of {role, content} objects.");
        }
    }

    @Override
    public ObjectNode toChat(ObjectNode body) throws GatewayException {
        return AnthropicRequestToChat.translate(body);
    }

    @Override
    public ObjectNode inspectionView(ObjectNode body) throws GatewayException {
        return AnthropicRequestToChat.inspectionView(body);
    }

    @Override
    public ObjectNode fromChat(ObjectNode completion, ObjectNode clientBody) throws GatewayException {
        return ChatToAnthropicMessage.translate(completion);
    }

    @Override
    public StreamTranslator openStream(ObjectNode clientBody) {
        ChatToAnthropicStream stream = new ChatToAnthropicStream();
        return new StreamTranslator() {
            @Override
            public List<SseEvent> onChunk(ObjectNode chunk) {
                return stream.onChunk(chunk);
            }

            @Override
            public List<SseEvent> finish() {
                return stream.finish();
            }

            @Override
            public SseEvent error(GatewayException error) {
                return errors.streamError(error, WireFormat.ANTHROPIC_MESSAGES);
            }
        };
    }
}
