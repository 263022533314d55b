package io.policygateway.plugins.mcp;

import static io.policygateway.plugins.mcp.TestConfigs.anyCaller;
import static io.policygateway.plugins.mcp.TestConfigs.toolNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.tool.ToolLoop;
import io.policygateway.api.tool.ToolLoop.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The loop against the reference server {@code @modelcontextprotocol/server-everything}, run with node over stdio. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StdioServerEverythingTest {
    private Path home;
    private RecordingPluginContext context;
    private ToolLoop loop;

    @BeforeAll
    void start() throws Exception {
        String node = EverythingServer.node();
        home = Files.createTempDirectory("mcp-stdio");
        context = RecordingPluginContext.withProcessBasics(home);
        loop = TestConfigs.create("""
                {"mcp_servers": [{"name": "everything", "transport": "stdio", "command": "%s", "args": ["%s", "stdio"],
                                  "env": {"MCP_TEST_GREETING": "hello from the config"},
                                  "timeouts": {"connect": "60s", "call": "1500ms"}}],
                 "mcp": {"startup_wait": "60s"}}
                """.formatted(node, EverythingServer.script()), context);
    }

    @AfterAll
    void stop() {
        if (loop != null) {
            loop.close();
        }
    }

    @Test
    void listsTheServersToolsUnderItsNamespace() {
        assertEquals("up", loop.health().get("everything"));
        List<String> names = toolNames(loop, anyCaller());
        assertTrue(names.containsAll(List.of("everything__echo", "everything__get-sum", "everything__get-tiny-image",
                "everything__trigger-long-running-operation")), names.toString());
        assertTrue(names.stream().allMatch(name -> name.matches("everything__[A-Za-z0-9_-]{1,52}")), names.toString());
    }

    @Test
    void offersEchoWithItsInputSchemaAsParameters() {
        ObjectNode echo = loop.tools(anyCaller()).stream()
                .filter(tool -> tool.path("function").path("name").asText().equals("everything__echo"))
                .findFirst().orElseThrow();
        JsonNode parameters = echo.path("function").path("parameters");
        assertEquals("object", parameters.path("type").asText());
        assertEquals("string", parameters.path("properties").path("message").path("type").asText());
        assertEquals("message", parameters.path("required").path(0).asText());
        assertFalse(echo.path("function").path("description").asText().isBlank());
    }

    @Test
    void callsAToolAndReturnsItsText() {
        ToolResult result = loop.call("everything__get-sum", "{\"a\": 2, \"b\": 3}", anyCaller());

        assertFalse(result.error());
        assertEquals("The sum of 2 and 3 is 5.", result.content());
        assertEquals("everything", result.server());
    }

    @Test
    void argumentsTheToolRejectsBecomeAnErrorResult() {
        ToolResult result = loop.call("everything__get-sum", "{\"a\": \"two\"}", anyCaller());

        assertTrue(result.error());
        assertTrue(result.content().contains("Invalid"), result.content());
    }

    @Test
    void aToolSlowerThanTheCallTimeoutBecomesATimeoutResult() {
        ToolResult result = loop.call("everything__trigger-long-running-operation", "{\"duration\": 5, \"steps\": 1}",
                anyCaller());

        assertTrue(result.error());
        assertEquals("error: the tool did not answer within 1500 ms", result.content());
        assertEquals("Echo: still here", loop.call("everything__echo", "{\"message\": \"still here\"}", anyCaller()).content());
    }

    @Test
    void describesContentThatIsNotText() {
        ToolResult result = loop.call("everything__get-tiny-image", "{}", anyCaller());

        assertFalse(result.error());
        assertTrue(result.content().contains("[image image/png, "), result.content());
        assertFalse(result.content().contains("iVBOR"), "the image data must not reach the model");
    }

    @Test
    void theServerProcessSeesOnlyItsConfiguredEnvironmentAndTheBasics() throws Exception {
        ToolResult result = loop.call("everything__get-env", "{}", anyCaller());

        JsonNode environment = new ObjectMapper().readTree(result.content());
        Set<String> names = new HashSet<>();
        environment.fieldNames().forEachRemaining(names::add);
        assertEquals("hello from the config", environment.path("MCP_TEST_GREETING").asText());
        Set<String> gatewayOnly = new HashSet<>(System.getenv().keySet());
        gatewayOnly.removeAll(Set.of("PATH", "HOME"));
        gatewayOnly.retainAll(names);
        assertEquals(Set.of(), gatewayOnly, "variables of the gateway leaked into the MCP server's process");
    }

    @Test
    void recordsEveryCallAsAPolicyEventAndMetrics() {
        double before = context.sample("mcp_tool_calls_total", "server=everything", "tool=everything__echo", "outcome=ok");

        loop.call("everything__echo", "{\"message\": \"hi\"}", TestConfigs.caller("support-bot", "key-1"));

        PolicyEvent event = context.events("tool_call").getLast();
        assertEquals("everything__echo", event.attributes().get("tool"));
        assertEquals("everything", event.attributes().get("server"));
        assertEquals("ok", event.attributes().get("outcome"));
        assertTrue(event.attributes().get("duration_ms") instanceof Long);
        assertEquals("allow", event.decision());
        assertEquals("MCP_TOOL_CALL", event.reasonCode());
        assertEquals("policy-gateway", event.policyId());
        assertEquals("support-bot", event.project().orElseThrow());
        assertEquals("trace-2", event.traceId());
        assertFalse(event.attributes().containsValue("hi"), "arguments must not be recorded");
        assertEquals(before + 1, context.sample("mcp_tool_calls_total", "server=everything", "tool=everything__echo", "outcome=ok"));
        assertTrue(context.sample("mcp_tool_call_duration_seconds_count", "server=everything", "tool=everything__echo") >= 1);
    }
}
