package io.policygateway.kernel.toolloop;

import io.policygateway.api.GatewayException;
import java.io.IOException;
import java.util.Map;

/**
 * The gateway→client leg of a streamed answer produced by the tool loop. Opened at most once, at
 * the first byte the client should see; used by one thread.
 */
public interface ClientStream {

    /** Starts the response with the loop's summary headers added to the endpoint's own. */
    void open(Map<String, String> headers) throws IOException;

    boolean opened();

    /** Writes one {@code chat.completion.chunk} as an SSE {@code data:} event. */
    void write(String chunkJson) throws IOException;

    /** Writes an error event in the caller's format after the stream has started. */
    void fail(GatewayException error) throws IOException;

    /** Writes {@code data: [DONE]}. */
    void done() throws IOException;

    /** Registers an action to run when the client disconnects (e.g. closing the upstream stream). */
    void onClientGone(Runnable action);
}
