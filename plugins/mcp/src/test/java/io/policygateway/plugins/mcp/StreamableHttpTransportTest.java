package io.policygateway.plugins.mcp;

import static io.policygateway.plugins.mcp.TestConfigs.anyCaller;
import static io.policygateway.plugins.mcp.TestConfigs.eventually;
import static io.policygateway.plugins.mcp.TestConfigs.toolNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.tool.ToolLoop;
import io.policygateway.api.tool.ToolLoop.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop against an MCP server speaking streamable HTTP (sessions, SSE answers, pagination, list changes). */
class StreamableHttpTransportTest {
    @TempDir
    Path home;

    private StreamableHttpMcpServer server;
    private RecordingPluginContext context;
    private ToolLoop loop;

    @BeforeEach
    void start() throws Exception {
        server = StreamableHttpMcpServer.start();
        context = RecordingPluginContext.withProcessBasics(home);
        loop = TestConfigs.create("""
                {"mcp_servers": [{"name": "docs", "transport": "http", "url": "%s",
                                  "headers": {"Authorization": "%s"},
                                  "timeouts": {"connect": "60s", "call": "500ms"}}],
                 "mcp": {"startup_wait": "60s", "reconnect": {"initial_delay": "100ms", "max_delay": "200ms"}}}
                """.formatted(server.url(), StreamableHttpMcpServer.TOKEN), context);
    }

    @AfterEach
    void stop() {
        loop.close();
        server.close();
    }

    @Test
    void listsEveryPageOfToolsUnderTheServersNamespace() {
        assertEquals("up", loop.health().get("docs"));
        assertEquals(List.of("docs__crash", "docs__fail", "docs__lookup", "docs__reveal", "docs__slow", "docs__tool-4",
                "docs__tool-5", "docs__weird_name_with_spaces"), toolNames(loop, anyCaller()));
        assertTrue(server.requests().contains("tools/list cursor=3"), server.requests().toString());
        assertTrue(server.requests().contains("tools/list cursor=6"), server.requests().toString());
    }

    @Test
    void offersToolsAsOpenAiFunctionsWithTheMcpInputSchema() {
        ObjectNode lookup = loop.tools(anyCaller()).stream()
                .filter(tool -> tool.path("function").path("name").asText().equals("docs__lookup"))
                .findFirst().orElseThrow();
        assertEquals("function", lookup.path("type").asText());
        assertEquals("Looks a query up.", lookup.path("function").path("description").asText());
        assertEquals("string", lookup.path("function").path("parameters").path("properties").path("query").path("type").asText());
        assertEquals("query", lookup.path("function").path("parameters").path("required").path(0).asText());
    }

    @Test
    void callsAToolThroughTheSessionAndReturnsItsText() {
        ToolResult result = loop.call("docs__lookup", "{\"query\":\"refund policy\"}", anyCaller());

        assertEquals("result for refund policy", result.content());
        assertFalse(result.error());
        assertEquals("docs", result.server());
        assertEquals(1, server.sessions().size());
        assertEquals("2025-11-25", server.protocolVersionHeaders().getLast());
    }

    @Test
    void callsAToolWhoseNameWasSanitisedByItsOriginalName() {
        ToolResult result = loop.call("docs__weird_name_with_spaces", "{}", anyCaller());

        assertEquals("ran weird.name/with spaces", result.content());
    }

    @Test
    void aToolReportingAnErrorBecomesAnErrorResult() {
        ToolResult result = loop.call("docs__fail", "{}", anyCaller());

        assertTrue(result.error());
        assertEquals("the backend rejected the request", result.content());
    }

    @Test
    void aJsonRpcErrorBecomesAnErrorResultTheModelCanRead() {
        ToolResult result = loop.call("docs__crash", "{}", anyCaller());

        assertTrue(result.error());
        assertEquals("error: internal failure (JSON-RPC error -32603)", result.content());
    }

    @Test
    void aToolSlowerThanTheCallTimeoutBecomesATimeoutResultAndTheServerStaysUp() {
        ToolResult result = loop.call("docs__slow", "{}", anyCaller());

        assertTrue(result.error());
        assertEquals("error: the tool did not answer within 500 ms", result.content());
        assertTrue(result.millis() >= 500 && result.millis() < 1_900, "took " + result.millis() + " ms");
        assertEquals("timeout", context.events("tool_call").getLast().attributes().get("outcome"));
        assertEquals("ran tool-4", loop.call("docs__tool-4", "{}", anyCaller()).content());
        assertEquals("up", loop.health().get("docs"));
    }

    @Test
    void argumentsThatAreNotAJsonObjectBecomeAnErrorResultWithoutCallingTheServer() {
        int requestsBefore = server.requests().size();

        ToolResult result = loop.call("docs__lookup", "{\"query\": ", anyCaller());

        assertTrue(result.error());
        assertTrue(result.content().contains("not a JSON object"), result.content());
        assertEquals(requestsBefore, server.requests().size());
        assertEquals("invalid_arguments", context.events("tool_call").getLast().attributes().get("outcome"));
    }

    @Test
    void picksUpToolsTheServerAnnouncesWithListChanged() {
        assertFalse(toolNames(loop, anyCaller()).contains("docs__hidden"));

        assertEquals("revealed", loop.call("docs__reveal", "{}", anyCaller()).content());

        eventually(Duration.ofSeconds(5), "docs__hidden is offered", () -> toolNames(loop, anyCaller()).contains("docs__hidden"));
        assertEquals("hidden tool ran", loop.call("docs__hidden", "{}", anyCaller()).content());
    }

    @Test
    void ownsEveryNameInAConfiguredServersNamespaceOnly() {
        assertTrue(loop.owns("docs__lookup"));
        assertTrue(loop.owns("docs__not_offered"));
        assertFalse(loop.owns("get_weather"));
        assertFalse(loop.owns("other__lookup"));
    }

    @Test
    void aNameInTheNamespaceThatNoToolHasBecomesAnErrorResult() {
        ToolResult result = loop.call("docs__not_offered", "{}", anyCaller());

        assertTrue(result.error());
        assertEquals("error: the MCP server 'docs' has no tool named 'docs__not_offered'", result.content());
        assertEquals(1.0, context.sample("mcp_tool_calls_total", "server=docs", "tool=unknown", "outcome=unknown_tool"));
    }
}
