package io.policygateway.kernel.config;

/**
 * {@code server:} — the client-facing listener.
 *
 * @param host the address to bind, default {@code 0.0.0.0}
 * @param port the port, default 5000 ({@code --port} and {@code PORT} override it)
 * @param maxBodySize the largest request body accepted, default {@code 10MiB}; larger is 413
 */
public record ServerConfig(String host, Integer port, ByteSize maxBodySize) {
    public ServerConfig {
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? 5000 : port;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        maxBodySize = maxBodySize == null ? ByteSize.parse("10MiB") : maxBodySize;
    }

    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null);
    }

    public long maxBodyBytes() {
        return maxBodySize.bytes();
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxBodySize);
    }
}
