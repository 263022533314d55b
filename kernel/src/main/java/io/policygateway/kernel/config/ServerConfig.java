package io.policygateway.kernel.config;

/**
 * {@code server:} — the client-facing listener.
 *
 * @param host the address to bind, default {@code 0.0.0.0}
 * @param port the port, default 5000 ({@code --port} and {@code PORT} override it)
 * @param maxBodySize the largest request body accepted, default {@code 10MiB}; larger is 413
 */
public record ServerConfig(String host, Integer port, String maxBodySize) {
    public ServerConfig {
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? 5000 : port;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        maxBodySize = maxBodySize == null ? "10MiB" : maxBodySize;
        if (ConfigValues.bytes(maxBodySize) <= 0) {
            throw new IllegalArgumentException("max_body_size must be positive");
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null);
    }

    public long maxBodyBytes() {
        return ConfigValues.bytes(maxBodySize);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxBodySize);
    }
}
