package io.policygateway.kernel.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.kernel.translate.ChatToResponses;
import io.policygateway.kernel.translate.ChatToResponsesStream;
import io.policygateway.kernel.translate.ResponsesRequestToChat;
import java.util.List;

/** {@code /v1/responses}: OpenAI Responses to and from OpenAI chat. */
final class ResponsesClientFormat implements ClientFormat {

    @Override
    public WireFormat wire() {
        return WireFormat.OPENAI_RESPONSES;
    }

    @Override
    public void validate(ObjectNode body) throws GatewayException {
        JsonBodies.requireString(body, "model");
        if (!body.hasNonNull("input")) {
            throw GatewayException.invalid("input", "input: required, a string or an array of input items.");
        }
    }

    @Override
    public ObjectNode toChat(ObjectNode body) throws GatewayException {
        return ResponsesRequestToChat.translate(body);
    }

    @Override
    public ObjectNode inspectionView(ObjectNode body) throws GatewayException {
        return ResponsesRequestToChat.inspectionView(body);
    }

    @Override
    public ObjectNode fromChat(ObjectNode completion, ObjectNode clientBody) {
        return ChatToResponses.translate(completion, clientBody);
    }

    @Override
    public StreamTranslator openStream(ObjectNode clientBody) {
        ChatToResponsesStream stream = new ChatToResponsesStream(clientBody);
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
                return stream.error(error.code().orElse(error.category().type()), error.getMessage());
            }
        };
    }
}
