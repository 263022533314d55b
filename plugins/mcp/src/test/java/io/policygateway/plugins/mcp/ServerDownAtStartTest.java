package io.policygateway.plugins.mcp;

import static io.policygateway.plugins.mcp.TestConfigs.anyCaller;
import static io.policygateway.plugins.mcp.TestConfigs.eventually;
import static io.policygateway.plugins.mcp.TestConfigs.toolNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.tool.ToolLoop;
import io.policygateway.api.tool.ToolLoop.ToolResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers that cannot be reached when the gateway starts: reported, retried in the background, their tools absent meanwhile. */
class ServerDownAtStartTest {
    @TempDir
    Path home;

    @Test
    void anHttpServerRefusingConnectionsIsReportedDownAndUsedOnceItComesUp() throws Exception {
        int port = freePort();
        RecordingPluginContext context = RecordingPluginContext.withProcessBasics(home);
        try (ToolLoop loop = TestConfigs.create("""
                {"mcp_servers": [{"name": "late", "url": "http://127.0.0.1:%d/mcp", "headers": {"Authorization": "%s"},
                                  "timeouts": {"connect": "2s", "call": "2s"}}],
                 "mcp": {"reconnect": {"initial_delay": "100ms", "max_delay": "300ms"}}}
                """.formatted(port, StreamableHttpMcpServer.TOKEN), context)) {
            assertEquals("down: connection refused", loop.health().get("late"));
            assertEquals(List.of(), toolNames(loop, anyCaller()));
            ToolResult whileDown = loop.call("late__lookup", "{\"query\": \"x\"}", anyCaller());
            assertTrue(whileDown.error());
            assertEquals("error: the MCP server 'late' is not available (down: connection refused)", whileDown.content());
            assertEquals("unavailable", context.events("tool_call").getLast().attributes().get("outcome"));

            try (StreamableHttpMcpServer server = StreamableHttpMcpServer.startOn(port)) {
                assertTrue(server.url().endsWith(":" + port + "/mcp"));
                eventually(Duration.ofSeconds(5), "the server is up", () -> "up".equals(loop.health().get("late")));
                assertTrue(toolNames(loop, anyCaller()).contains("late__lookup"));
                assertEquals("result for x", loop.call("late__lookup", "{\"query\": \"x\"}", anyCaller()).content());
            }
        }
    }

    @Test
    void aStdioServerWhoseCommandIsMissingIsReportedDownWithTheReason() {
        RecordingPluginContext context = RecordingPluginContext.withProcessBasics(home);
        try (ToolLoop loop = TestConfigs.create("""
                {"mcp_servers": [{"name": "missing", "command": "no-such-mcp-server-command", "args": ["--stdio"]}],
                 "mcp": {"reconnect": {"initial_delay": "100ms", "max_delay": "300ms"}}}
                """, context)) {
            assertEquals("down: cannot start 'no-such-mcp-server-command': No such file or directory",
                    loop.health().get("missing"));
            assertEquals(List.of(), toolNames(loop, anyCaller()));
            assertTrue(loop.owns("missing__anything"));
        }
    }

    @Test
    void anHttpServerRejectingTheConfiguredCredentialsIsReportedDown() throws Exception {
        RecordingPluginContext context = RecordingPluginContext.withProcessBasics(home);
        try (StreamableHttpMcpServer server = StreamableHttpMcpServer.start();
                ToolLoop loop = TestConfigs.create("""
                        {"mcp_servers": [{"name": "locked", "url": "%s", "headers": {"Authorization": "Bearer wrong"}}],
                         "mcp": {"reconnect": {"initial_delay": "1s", "max_delay": "1s"}}}
                        """.formatted(server.url()), context)) {
            String health = loop.health().get("locked");
            assertTrue(health.startsWith("down: ") && health.contains("401"), health);
            assertTrue(!health.contains("wrong"), "the credential must not appear in health: " + health);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
