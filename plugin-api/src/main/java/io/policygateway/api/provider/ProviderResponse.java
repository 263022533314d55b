package io.policygateway.api.provider;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.WireFormat;
import java.util.Map;

/**
 * A provider's successful answer, in the same format as the request that produced it.
 */
public sealed interface ProviderResponse {

    WireFormat format();

    /** Upstream headers worth passing to the caller (e.g. {@code x-ratelimit-*}); may be empty. */
    Map<String, String> headers();

    /** A whole answer. */
    record Complete(WireFormat format, ObjectNode body, Map<String, String> headers) implements ProviderResponse {
        public Complete {
            requireNonNull(format, "format is null");
            requireNonNull(body, "body is null");
            headers = Map.copyOf(headers);
        }
    }

    /**
     * A streamed answer. Events are in {@code format}'s stream shape; for {@code OPENAI_CHAT}
     * that is {@code chat.completion.chunk} objects, without the final {@code [DONE]} marker
     * (the kernel writes it).
     */
    record Streaming(WireFormat format, EventStream events, Map<String, String> headers) implements ProviderResponse {
        public Streaming {
            requireNonNull(format, "format is null");
            requireNonNull(events, "events is null");
            headers = Map.copyOf(headers);
        }
    }
}
