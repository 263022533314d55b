package io.policygateway.api.http;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One gateway→provider request.
 *
 * @param method HTTP method
 * @param uri full upstream URI
 * @param headers headers to send (the provider's credentials included; never logged)
 * @param body the body, empty for none
 * @param firstByteTimeout how long to wait for the response headers
 * @param idleTimeout how long a streamed body may stay silent before the call fails
 */
public record UpstreamRequest(String method, URI uri, Map<String, String> headers, byte[] body,
        Duration firstByteTimeout, Duration idleTimeout) {

    public static final Duration DEFAULT_FIRST_BYTE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public UpstreamRequest {
        requireNonNull(method, "method is null");
        requireNonNull(uri, "uri is null");
        headers = Map.copyOf(headers);
        requireNonNull(body, "body is null");
        requireNonNull(firstByteTimeout, "firstByteTimeout is null");
        requireNonNull(idleTimeout, "idleTimeout is null");
    }

    public static UpstreamRequest postJson(URI uri, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("content-type", "application/json");
        return new UpstreamRequest("POST", uri, all, body, DEFAULT_FIRST_BYTE_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
    }

    public static UpstreamRequest get(URI uri, Map<String, String> headers) {
        return new UpstreamRequest("GET", uri, headers, new byte[0], DEFAULT_FIRST_BYTE_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
    }

    public UpstreamRequest withTimeouts(Duration firstByte, Duration idle) {
        return new UpstreamRequest(method, uri, headers, body, firstByte, idle);
    }

    public UpstreamRequest withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new UpstreamRequest(method, uri, all, body, firstByteTimeout, idleTimeout);
    }
}
