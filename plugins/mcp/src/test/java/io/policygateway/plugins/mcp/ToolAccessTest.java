package io.policygateway.plugins.mcp;

import static io.policygateway.plugins.mcp.TestConfigs.anyCaller;
import static io.policygateway.plugins.mcp.TestConfigs.caller;
import static io.policygateway.plugins.mcp.TestConfigs.toolNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.tool.ToolLoop;
import io.policygateway.api.tool.ToolLoop.ToolResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which tools are exposed (the server's allow/deny lists) and who may use them (per project and per key). */
class ToolAccessTest {
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
                {"mcp_servers": [{"name": "docs", "url": "%s", "headers": {"Authorization": "%s"},
                                  "tools": {"allow": ["lookup", "fail", "tool-*"], "deny": ["tool-5"]}}],
                 "mcp": {"startup_wait": "60s",
                         "projects": {"support-bot": {"allow": ["docs__lookup"]},
                                      "analytics": {"deny": ["docs__fail"]},
                                      "locked-out": {"allow": []}},
                         "keys": {"ci-key": {"allow": ["docs__tool-*"]}}}}
                """.formatted(server.url(), StreamableHttpMcpServer.TOKEN), context);
    }

    @AfterEach
    void stop() {
        loop.close();
        server.close();
    }

    @Test
    void exposesOnlyTheServersAllowedToolsMinusItsDeniedOnes() {
        assertEquals(List.of("docs__fail", "docs__lookup", "docs__tool-4"), toolNames(loop, anyCaller()));
    }

    @Test
    void aProjectWithAnAllowListIsOfferedOnlyThoseTools() {
        assertEquals(List.of("docs__lookup"), toolNames(loop, caller("support-bot", null)));
        assertEquals(List.of(), toolNames(loop, caller("locked-out", null)));
    }

    @Test
    void aProjectWithOnlyADenyListIsOfferedEverythingElse() {
        assertEquals(List.of("docs__lookup", "docs__tool-4"), toolNames(loop, caller("analytics", null)));
    }

    @Test
    void aProjectWithoutAnEntryIsOfferedEveryExposedTool() {
        assertEquals(List.of("docs__fail", "docs__lookup", "docs__tool-4"), toolNames(loop, caller("other-project", null)));
    }

    @Test
    void aKeysListAppliesOnTopOfTheProjects() {
        assertEquals(List.of("docs__tool-4"), toolNames(loop, caller(null, "ci-key")));
        assertEquals(List.of(), toolNames(loop, caller("support-bot", "ci-key")));
    }

    @Test
    void aCallToAToolTheProjectMayNotUseIsRefusedAsAnErrorResultAndRecordedAsABlock() {
        int requestsBefore = server.requests().size();

        ToolResult result = loop.call("docs__fail", "{}", caller("support-bot", null));

        assertTrue(result.error());
        assertEquals("error: the tool 'docs__fail' is not allowed for this caller by the gateway's policy", result.content());
        assertEquals(requestsBefore, server.requests().size(), "a refused call must not reach the server");
        PolicyEvent event = context.events("tool_call").getLast();
        assertEquals("block", event.decision());
        assertEquals("MCP_TOOL_NOT_ALLOWED", event.reasonCode());
        assertEquals(List.of("mcp.projects.support-bot"), event.rules());
        assertEquals("denied", event.attributes().get("outcome"));
        assertEquals(1.0, context.sample("mcp_tool_calls_total", "server=docs", "tool=docs__fail", "outcome=denied"));
    }

    @Test
    void aToolTheServerDoesNotExposeCannotBeCalledEvenByName() {
        ToolResult result = loop.call("docs__crash", "{}", anyCaller());

        assertTrue(result.error());
        assertFalse(server.requests().contains("tools/call"), "a tool outside the allow list must not be called");
        assertEquals("unknown_tool", context.events("tool_call").getLast().attributes().get("outcome"));
    }
}
