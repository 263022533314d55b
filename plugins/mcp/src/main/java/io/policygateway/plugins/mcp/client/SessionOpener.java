package io.policygateway.plugins.mcp.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.policygateway.plugins.mcp.config.ServerConfig;
import io.policygateway.plugins.mcp.config.TransportConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Opens MCP sessions with the official SDK: builds the transport for a server's config, then runs
 * the {@code initialize} handshake (protocol version negotiation, {@code notifications/initialized})
 * and the first {@code tools/list}, all pages. The SDK's JSON mapper and schema validator are
 * passed explicitly: its service-loader defaults do not see classes inside a plugin.
 */
final class SessionOpener {
    /** Variables a stdio server inherits from the gateway; everything else must be configured in {@code env}. */
    private static final List<String> INHERITED_VARIABLES = List.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "TERM",
            "LANG", "LC_ALL", "TMPDIR", "TZ", "SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT", "TEMP", "TMP",
            "USERNAME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "HOMEDRIVE", "HOMEPATH", "PROGRAMFILES");

    private final ObjectMapper json;
    private final McpJsonMapper mapper;
    private final JsonSchemaValidator validator;
    private final String clientVersion;
    private final Function<String, Optional<String>> gatewayEnvironment;

    /** @param gatewayEnvironment the gateway's environment, for the few variables a process inherits */
    SessionOpener(ObjectMapper json, String clientVersion, Function<String, Optional<String>> gatewayEnvironment) {
        this.json = requireNonNull(json, "json is null");
        this.mapper = new JacksonMcpJsonMapper(json);
        this.validator = new DefaultJsonSchemaValidator(json);
        this.clientVersion = requireNonNull(clientVersion, "clientVersion is null");
        this.gatewayEnvironment = requireNonNull(gatewayEnvironment, "gatewayEnvironment is null");
    }

    /**
     * Connects, initializes and lists the server's tools. Blocks up to the connect timeout for the
     * handshake and for the listing. Requests the SDK makes itself (listing again after
     * {@code list_changed}) are bounded by the longer of the two timeouts; tool calls and pings are
     * bounded by the call timeout where they are made.
     *
     * @param processExited told why a stdio server's process ended, when it ends on its own
     * @return the open session; the caller closes it
     * @throws RuntimeException when the server cannot be started, reached or initialized
     */
    Session open(ServerConfig server, Consumer<String> processExited) {
        Session session = new Session();
        McpClientTransport transport = transport(server, processExited);
        Duration connect = server.timeouts().connect();
        Duration longest = connect.compareTo(server.timeouts().call()) >= 0 ? connect : server.timeouts().call();
        McpAsyncClient client = McpClient.async(transport)
                .clientInfo(McpSchema.Implementation.builder("policy-gateway", clientVersion).build())
                .capabilities(McpSchema.ClientCapabilities.builder().build())
                .initializationTimeout(connect)
                .requestTimeout(longest)
                .jsonSchemaValidator(validator)
                .toolsChangeConsumer(tools -> Mono.fromRunnable(() -> session.replaceCatalog(catalog(server, tools))))
                .build();
        session.open(client);
        try {
            client.initialize().block();
            session.replaceCatalog(catalog(server, client.listTools().timeout(connect).block().tools()));
            return session;
        } catch (RuntimeException e) {
            session.abort();
            throw e;
        }
    }

    private ToolCatalog catalog(ServerConfig server, List<McpSchema.Tool> tools) {
        return ToolCatalog.of(server.name(), tools, server.tools(), json);
    }

    private McpClientTransport transport(ServerConfig server, Consumer<String> processExited) {
        return switch (server.transport()) {
            case TransportConfig.Stdio stdio ->
                    new StdioProcessTransport(server.name(), stdio, environment(stdio), mapper, processExited);
            case TransportConfig.StreamableHttp http -> streamableHttp(server, http);
        };
    }

    private Map<String, String> environment(TransportConfig.Stdio stdio) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : INHERITED_VARIABLES) {
            gatewayEnvironment.apply(name).ifPresent(value -> environment.put(name, value));
        }
        environment.putAll(stdio.env());
        return environment;
    }

    private McpClientTransport streamableHttp(ServerConfig server, TransportConfig.StreamableHttp http) {
        URI url = http.url();
        String base = url.getScheme() + "://" + url.getRawAuthority();
        String endpoint = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        Map<String, String> headers = http.headers();
        return HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint)
                .jsonMapper(mapper)
                .connectTimeout(server.timeouts().connect())
                .addHttpRequestCustomizer((request, method, uri, body, context) -> headers.forEach(request::setHeader))
                .build();
    }
}
