package io.policygateway.kernel;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to start a gateway.
 *
 * @param home the gateway home (conf/, plugins/, policies/, data/, logs/)
 * @param configFile the config file; empty to use {@code <home>/conf/gateway.yaml} when it exists, else defaults
 * @param configText config given inline (tests); wins over {@code configFile}
 * @param port a port overriding the config ({@code --port}, {@code PORT}); 0 picks a free one
 * @param environment the environment variables the gateway sees
 * @param accessLog where access log lines go (stdout in production)
 * @param configureLogging whether to (re)configure process-wide logging from the config
 */
public record GatewayOptions(Path home, Optional<Path> configFile, Optional<String> configText, OptionalInt port,
        Map<String, String> environment, PrintStream accessLog, boolean configureLogging) {
    public GatewayOptions {
        requireNonNull(home, "home is null");
        requireNonNull(configFile, "configFile is null");
        requireNonNull(configText, "configText is null");
        requireNonNull(port, "port is null");
        environment = Map.copyOf(environment);
        requireNonNull(accessLog, "accessLog is null");
    }
}
