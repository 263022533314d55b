package io.policygateway.plugins.mcp;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small MCP server speaking the streamable HTTP transport (protocol revisions 2025-03-26 to
 * 2025-11-25) on a JDK HTTP server: {@code initialize} with version negotiation and a session id,
 * {@code tools/list} in pages of three, {@code tools/call} answered as an SSE stream, {@code ping},
 * notifications accepted with 202, GET refused with 405, DELETE ending the session.
 *
 * <p>Its tools: {@code lookup} (answers), {@code fail} ({@code isError}), {@code crash} (JSON-RPC
 * error), {@code slow} (answers after two seconds), {@code reveal} (adds the tool {@code hidden}
 * and announces it with {@code notifications/tools/list_changed} on the call's stream), and
 * {@code weird.name/with spaces}, {@code tool-4}, {@code tool-5} to fill pages.
 */
final class StreamableHttpMcpServer implements AutoCloseable {
    static final String TOKEN = "Bearer test-token";
    private static final List<String> VERSIONS = List.of("2025-03-26", "2025-06-18", "2025-11-25");
    private static final int PAGE_SIZE = 3;
    private static final long SLOW_MILLIS = 2_000;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> protocolVersionHeaders = new CopyOnWriteArrayList<>();
    private volatile boolean revealed;

    private StreamableHttpMcpServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/mcp", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on a free port. */
    static StreamableHttpMcpServer start() throws IOException {
        return new StreamableHttpMcpServer(0);
    }

    /** Starts on the given port, for a server that comes up after the gateway. */
    static StreamableHttpMcpServer startOn(int port) throws IOException {
        return new StreamableHttpMcpServer(port);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    /** The JSON-RPC methods received, in order, with the cursor of {@code tools/list} calls: {@code tools/list cursor=3}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The {@code MCP-Protocol-Version} headers sent after initialization. */
    List<String> protocolVersionHeaders() {
        return List.copyOf(protocolVersionHeaders);
    }

    Set<String> sessions() {
        return Set.copyOf(sessions);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "application/json", "{\"error\":\"missing or wrong token\"}");
                return;
            }
            String session = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
            switch (exchange.getRequestMethod()) {
                case "POST" -> post(exchange, session);
                case "DELETE" -> {
                    sessions.remove(session);
                    send(exchange, 200, "application/json", "{}");
                }
                default -> send(exchange, 405, "application/json", "{\"error\":\"no server-initiated stream\"}");
            }
        }
    }

    private void post(HttpExchange exchange, String session) throws IOException {
        String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
        if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
            send(exchange, 406, "application/json", "{\"error\":\"accept both application/json and text/event-stream\"}");
            return;
        }
        JsonNode message = json.readTree(exchange.getRequestBody());
        String method = message.path("method").asText();
        requests.add(method + (message.path("params").has("cursor") ? " cursor=" + message.path("params").path("cursor").asText() : ""));
        if (method.equals("initialize")) {
            String created = UUID.randomUUID().toString();
            sessions.add(created);
            exchange.getResponseHeaders().set("Mcp-Session-Id", created);
            send(exchange, 200, "application/json", json.writeValueAsString(result(message, initialize(message))));
            return;
        }
        if (session == null) {
            send(exchange, 400, "application/json", "{\"error\":\"Mcp-Session-Id required\"}");
            return;
        }
        if (!sessions.contains(session)) {
            send(exchange, 404, "application/json", "{\"error\":\"unknown session\"}");
            return;
        }
        String version = exchange.getRequestHeaders().getFirst("MCP-Protocol-Version");
        if (version != null) {
            protocolVersionHeaders.add(version);
        }
        if (!message.has("id")) {
            send(exchange, 202, null, "");
            return;
        }
        switch (method) {
            case "ping" -> send(exchange, 200, "application/json", json.writeValueAsString(result(message, json.createObjectNode())));
            case "tools/list" -> send(exchange, 200, "application/json",
                    json.writeValueAsString(result(message, listTools(message.path("params").path("cursor").asInt(0)))));
            case "tools/call" -> callTool(exchange, message);
            default -> send(exchange, 200, "application/json", json.writeValueAsString(
                    error(message, -32601, "Method not found: " + method)));
        }
    }

    private ObjectNode initialize(JsonNode message) {
        String requested = message.path("params").path("protocolVersion").asText();
        ObjectNode result = json.createObjectNode()
                .put("protocolVersion", VERSIONS.contains(requested) ? requested : VERSIONS.getLast());
        result.putObject("capabilities").putObject("tools").put("listChanged", true);
        result.putObject("serverInfo").put("name", "in-test-http").put("version", "1.0.0");
        return result;
    }

    private ObjectNode listTools(int cursor) {
        List<ObjectNode> tools = new ArrayList<>(List.of(
                tool("lookup", "Looks a query up.", Map.of("query", "string")),
                tool("fail", "Always fails.", Map.of()),
                tool("crash", "Answers with a JSON-RPC error.", Map.of()),
                tool("slow", "Answers after two seconds.", Map.of()),
                tool("reveal", "Adds the tool 'hidden'.", Map.of()),
                tool("weird.name/with spaces", "A name outside OpenAI's alphabet.", Map.of()),
                tool("tool-4", "Fills a page.", Map.of()),
                tool("tool-5", "Fills a page.", Map.of())));
        if (revealed) {
            tools.add(tool("hidden", "Only there after reveal.", Map.of()));
        }
        ObjectNode result = json.createObjectNode();
        ArrayNode page = result.putArray("tools");
        tools.subList(cursor, Math.min(tools.size(), cursor + PAGE_SIZE)).forEach(page::add);
        if (cursor + PAGE_SIZE < tools.size()) {
            result.put("nextCursor", String.valueOf(cursor + PAGE_SIZE));
        }
        return result;
    }

    private ObjectNode tool(String name, String description, Map<String, String> properties) {
        ObjectNode tool = json.createObjectNode().put("name", name).put("description", description);
        ObjectNode schema = tool.putObject("inputSchema").put("type", "object");
        ObjectNode props = schema.putObject("properties");
        properties.forEach((property, type) -> props.putObject(property).put("type", type));
        if (!properties.isEmpty()) {
            schema.putArray("required").add(properties.keySet().iterator().next());
        }
        return tool;
    }

    private void callTool(HttpExchange exchange, JsonNode message) throws IOException {
        String name = message.path("params").path("name").asText();
        JsonNode arguments = message.path("params").path("arguments");
        List<ObjectNode> stream = new ArrayList<>();
        switch (name) {
            case "lookup" -> stream.add(result(message, text("result for " + arguments.path("query").asText(), false)));
            case "fail" -> stream.add(result(message, text("the backend rejected the request", true)));
            case "crash" -> stream.add(error(message, -32603, "internal failure"));
            case "slow" -> {
                sleep();
                stream.add(result(message, text("slow answer", false)));
            }
            case "reveal" -> {
                revealed = true;
                stream.add(json.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/tools/list_changed"));
                stream.add(result(message, text("revealed", false)));
            }
            case "hidden" -> stream.add(result(message, text(revealed ? "hidden tool ran" : "not revealed", !revealed)));
            default -> stream.add(result(message, text("ran " + name, false)));
        }
        StringBuilder events = new StringBuilder();
        for (ObjectNode event : stream) {
            events.append("event: message\ndata: ").append(json.writeValueAsString(event)).append("\n\n");
        }
        send(exchange, 200, "text/event-stream", events.toString());
    }

    private ObjectNode text(String text, boolean isError) {
        ObjectNode result = json.createObjectNode();
        result.putArray("content").addObject().put("type", "text").put("text", text);
        if (isError) {
            result.put("isError", true);
        }
        return result;
    }

    private ObjectNode result(JsonNode request, ObjectNode result) {
        ObjectNode response = json.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", request.get("id"));
        response.set("result", result);
        return response;
    }

    private ObjectNode error(JsonNode request, int code, String text) {
        ObjectNode response = json.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", request.get("id"));
        response.putObject("error").put("code", code).put("message", text);
        return response;
    }

    private static void sleep() {
        try {
            Thread.sleep(SLOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
