package io.policygateway.plugins.mcp;

import static io.policygateway.plugins.mcp.TestConfigs.anyCaller;
import static io.policygateway.plugins.mcp.TestConfigs.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.tool.ToolLoop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stdio server's process: stopped with the loop, and restarted when it dies on its own. */
class StdioServerLifecycleTest {
    @TempDir
    Path home;

    @Test
    void closingTheLoopStopsTheServerProcess() {
        ToolLoop loop = startEverything();
        ProcessHandle server = serverProcess();
        assertTrue(server.isAlive());

        loop.close();

        assertFalse(server.isAlive(), "the server process is still running after close");
    }

    @Test
    void aServerProcessThatDiesIsReportedDownAndRestarted() {
        try (ToolLoop loop = startEverything()) {
            ProcessHandle first = serverProcess();

            first.destroyForcibly();

            eventually(Duration.ofSeconds(5), "the death is reported", () -> loop.health().get("everything").startsWith("down: process exited"));
            assertEquals(List.of(), TestConfigs.toolNames(loop, anyCaller()));
            eventually(Duration.ofSeconds(20), "the server is restarted", () -> "up".equals(loop.health().get("everything")));
            assertNotEquals(first.pid(), serverProcess().pid());
            assertEquals("Echo: back", loop.call("everything__echo", "{\"message\": \"back\"}", anyCaller()).content());
        }
    }

    private ToolLoop startEverything() {
        String node = EverythingServer.node();
        return TestConfigs.create("""
                {"mcp_servers": [{"name": "everything", "command": "%s", "args": ["%s", "stdio"], "timeouts": {"connect": "60s"}}],
                 "mcp": {"startup_wait": "60s", "reconnect": {"initial_delay": "100ms", "max_delay": "500ms"}}}
                """.formatted(node, EverythingServer.script()), RecordingPluginContext.withProcessBasics(home));
    }

    /** The one server-everything process this JVM runs (test classes run one after another). */
    private static ProcessHandle serverProcess() {
        List<ProcessHandle> servers = ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(child -> child.info().arguments().map(List::of).orElse(List.of()).stream()
                        .anyMatch(argument -> argument.endsWith("server-everything/dist/index.js")))
                .toList();
        assertEquals(1, servers.size(), "server-everything processes: " + servers);
        return servers.getFirst();
    }
}
