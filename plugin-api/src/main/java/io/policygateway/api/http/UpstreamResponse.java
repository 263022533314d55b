package io.policygateway.api.http;

import io.policygateway.api.GatewayException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The provider→gateway leg of one call. The body is read as it arrives; a read that stays
 * silent longer than the request's idle timeout fails with an {@link java.io.IOException}.
 * {@link #close()} releases the connection, aborting the exchange if the body was not fully read
 * (this is how a client disconnect cancels the upstream call).
 */
public interface UpstreamResponse extends AutoCloseable {

    int status();

    /** A response header by case-insensitive name. */
    Optional<String> header(String name);

    /** The body as it arrives. */
    InputStream body();

    /** Reads the whole body (for non-streamed answers), failing with {@code UPSTREAM} on I/O errors. */
    byte[] readAll() throws GatewayException;

    @Override
    void close();
}
