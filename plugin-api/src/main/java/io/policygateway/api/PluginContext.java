package io.policygateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.http.UpstreamClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What the gateway offers to every plugin it creates. Implementations are thread-safe and live as
 * long as the gateway. Plugins must use these instead of reaching for globals, so tests can run
 * several gateways in one JVM.
 */
public interface PluginContext {

    /** The gateway's version, the one {@code Plugin-Requires} is checked against. */
    String systemVersion();

    /** The value of an environment variable (tests may supply their own environment). */
    Optional<String> env(String name);

    /** The gateway's home folder (the unpacked distribution). */
    Path home();

    /** The folder for embedded state (SQLite files, caches); it exists and is writable. */
    Path dataDirectory();

    Clock clock();

    /** A shared JSON mapper; do not reconfigure it. */
    ObjectMapper json();

    /** The gateway's HTTP client for calls to upstreams, with pooling and timeouts. */
    UpstreamClient http();

    Metrics metrics();

    /** Records a policy event; never blocks and never throws. */
    void emit(PolicyEvent event);
}
