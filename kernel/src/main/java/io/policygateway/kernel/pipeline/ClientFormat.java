package io.policygateway.kernel.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import java.util.List;

/**
 * A chat wire format callers may speak other than OpenAI chat (Anthropic Messages, OpenAI Responses):
 * how to check a request, how to translate it to the canonical chat format and how to translate chat
 * answers and streams back. Implementations are stateless; stream translators are per stream.
 */
interface ClientFormat {

    WireFormat wire();

    /** Checks the fields the gateway needs before anything else happens. */
    void validate(ObjectNode body) throws GatewayException;

    /** The canonical chat request; for streams it asks for the usage chunk. */
    ObjectNode toChat(ObjectNode body) throws GatewayException;

    /**
     * The chat form guardrails inspect when the body may go to a provider natively: like
     * {@link #toChat} but leaves out (instead of refusing) what only the native format can carry.
     */
    ObjectNode inspectionView(ObjectNode body) throws GatewayException;

    /** The caller's answer from a whole chat completion. */
    ObjectNode fromChat(ObjectNode completion, ObjectNode clientBody) throws GatewayException;

    /** A translator for one stream. */
    StreamTranslator openStream(ObjectNode clientBody);

    /** Chat chunks in, the caller's stream events out. Not thread-safe. */
    interface StreamTranslator {
        List<SseEvent> onChunk(ObjectNode chunk) throws GatewayException;

        /** After the chat stream ended cleanly. */
        List<SseEvent> finish();

        /** The terminal event for a failure after the stream started. */
        SseEvent error(GatewayException error);
    }
}
