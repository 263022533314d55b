package io.policygateway.api;

import static java.util.Objects.requireNonNull;

/**
 * Configuration that cannot be used. The message is one line naming the file, the dotted path
 * of the bad key and the reason, e.g. {@code conf/gateway.yaml: server.port: expected a whole number}.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;
    private final String reason;

    public ConfigException(String source, String path, String reason) {
        super(source + ": " + path + ": " + reason);
        this.source = requireNonNull(source, "source is null");
        this.path = requireNonNull(path, "path is null");
        this.reason = requireNonNull(reason, "reason is null");
    }

    public String source() {
        return source;
    }

    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }
}
