package io.policygateway.kernel.pipeline;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.kernel.toolloop.ClientStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The gateway→client stream of a chat request answered through the tool loop. Confined to the request's thread. */
final class ToolLoopClientStream implements ClientStream {
    private final RequestCall call;
    private final Supplier<Map<String, String>> endpointHeaders;
    private final ErrorResponses errors;
    private ClientExchange.StreamSink sink;

    /** @param endpointHeaders the endpoint's response headers, computed when the stream opens (after the last dispatch) */
    ToolLoopClientStream(RequestCall call, Supplier<Map<String, String>> endpointHeaders, ErrorResponses errors) {
        this.call = requireNonNull(call, "call is null");
        this.endpointHeaders = requireNonNull(endpointHeaders, "endpointHeaders is null");
        this.errors = requireNonNull(errors, "errors is null");
    }

    @Override
    public void open(Map<String, String> headers) throws IOException {
        if (sink != null) {
            throw new IllegalStateException("the stream is already open");
        }
        Map<String, String> all = new LinkedHashMap<>(endpointHeaders.get());
        all.putAll(headers);
        sink = call.exchange().startStream(200, all);
        call.record().status = 200;
    }

    @Override
    public boolean opened() {
        return sink != null;
    }

    @Override
    public void write(String chunkJson) throws IOException {
        sink.write(SseEvent.data(chunkJson).encode());
        if (call.record().firstByteNanos < 0) {
            call.record().firstByteNanos = call.record().elapsedNanos();
        }
    }

    @Override
    public void fail(GatewayException error) throws IOException {
        call.record().error = "stream failed: " + error.getMessage();
        sink.write(errors.streamError(error, WireFormat.OPENAI_CHAT).encode());
    }

    @Override
    public void done() throws IOException {
        sink.write("data: [DONE]\n\n");
    }

    @Override
    public void onClientGone(Runnable action) {
        call.exchange().onClientGone(action);
    }
}
