package io.policygateway.plugins.bedrock;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One message of an {@code application/vnd.amazon.eventstream} body.
 *
 * @param headers header values as text (strings as they are; numbers, booleans, timestamps and UUIDs
 *     in their natural text form; byte arrays in hex)
 * @param payload the payload bytes
 */
record EventStreamMessage(Map<String, String> headers, byte[] payload) {
    EventStreamMessage {
        headers = Map.copyOf(headers);
        requireNonNull(payload, "payload is null");
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
