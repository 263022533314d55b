package io.policygateway.plugins.mcp.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How the gateway reaches one MCP server. */
public sealed interface TransportConfig {

    /**
     * A local process speaking newline-delimited JSON-RPC on its standard input and output.
     *
     * @param command the program, found on the gateway's {@code PATH} when not a path
     * @param args its arguments
     * @param env variables added to the minimal environment the process gets
     * @param workingDirectory where it runs (absolute; relative paths were resolved against the gateway's home)
     */
    record Stdio(String command, List<String> args, Map<String, String> env, Path workingDirectory)
            implements TransportConfig {

        public Stdio {
            requireNonNull(command, "command is null");
            args = List.copyOf(args);
            env = Map.copyOf(env);
            requireNonNull(workingDirectory, "workingDirectory is null");
        }
    }

    /**
     * A server speaking MCP's streamable HTTP transport at one endpoint.
     *
     * @param url the endpoint, e.g. {@code https://mcp.example.com/mcp}
     * @param headers sent with every request (e.g. {@code Authorization}); secrets, never logged
     */
    record StreamableHttp(URI url, Map<String, String> headers) implements TransportConfig {

        public StreamableHttp {
            requireNonNull(url, "url is null");
            headers = Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "StreamableHttp[url=" + url + ", headers=" + headers.keySet() + "]";
        }
    }
}
