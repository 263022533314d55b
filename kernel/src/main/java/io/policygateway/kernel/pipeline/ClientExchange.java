package io.policygateway.kernel.pipeline;

import io.policygateway.api.GatewayException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The client→gateway and gateway→client legs of one request, independent of the HTTP server.
 * Used by one thread at a time; a response is sent exactly once, either whole or as a stream.
 */
public interface ClientExchange {

    String method();

    /** The path without the query string, e.g. {@code /v1/chat/completions}. */
    String path();

    /** The raw query string, without {@code ?}, or null. */
    String query();

    /** A request header by case-insensitive name. */
    Optional<String> header(String name);

    /** All request headers, lower-case names, first value of each. */
    Map<String, String> headers();

    /**
     * Reads the whole request body.
     *
     * @throws GatewayException {@code PAYLOAD_TOO_LARGE} beyond {@code limit} bytes
     */
    byte[] readBody(long limit) throws GatewayException;

    /** Sends a whole response. */
    void respond(int status, Map<String, String> headers, String contentType, byte[] body) throws IOException;

    /** Starts a {@code text/event-stream} response; headers are sent with the first write. */
    StreamSink startStream(int status, Map<String, String> headers) throws IOException;

    /** Registers an action to run when the client disconnects before the response is complete. */
    void onClientGone(Runnable action);

    /** The gateway→client leg of a streamed response. */
    interface StreamSink {
        /** Writes and flushes, so the bytes reach the client now. Fails once the client is gone. */
        void write(String text) throws IOException;
    }
}
