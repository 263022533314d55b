package io.policygateway.plugins.mcp;

import static io.policygateway.plugins.mcp.TestConfigs.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.plugins.mcp.config.LoopSettings;
import io.policygateway.plugins.mcp.config.McpConfig;
import io.policygateway.plugins.mcp.config.McpConfigReader;
import io.policygateway.plugins.mcp.config.ServerConfig;
import io.policygateway.plugins.mcp.config.TransportConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code mcp_servers} and {@code mcp}: defaults, and refusals that name the file and key. */
class McpConfigReaderTest {
    @TempDir
    Path home;

    private McpConfig read(String json) {
        return new McpConfigReader(home).read(config(json));
    }

    private String refusal(String json) {
        return assertThrows(ConfigException.class, () -> read(json)).getMessage();
    }

    @Test
    void readsAStdioServerWithDefaults() {
        ServerConfig server = read("""
                {"mcp_servers": [{"name": "everything", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-everything"]}]}
                """).servers().getFirst();

        TransportConfig.Stdio stdio = assertInstanceOf(TransportConfig.Stdio.class, server.transport());
        assertEquals("npx", stdio.command());
        assertEquals(List.of("-y", "@modelcontextprotocol/server-everything"), stdio.args());
        assertEquals(home.toAbsolutePath().normalize(), stdio.workingDirectory());
        assertEquals(Duration.ofSeconds(20), server.timeouts().connect());
        assertEquals(Duration.ofSeconds(30), server.timeouts().call());
        assertTrue(server.tools().permits("anything"));
    }

    @Test
    void resolvesARelativeWorkingDirectoryAgainstTheGatewaysHome() throws Exception {
        Files.createDirectories(home.resolve("tools"));

        ServerConfig server = read("""
                {"mcp_servers": [{"name": "local", "command": "./server", "working_directory": "tools", "env": {"MODE": "safe"}}]}
                """).servers().getFirst();

        TransportConfig.Stdio stdio = (TransportConfig.Stdio) server.transport();
        assertEquals(home.resolve("tools").toAbsolutePath().normalize(), stdio.workingDirectory());
        assertEquals(Map.of("MODE", "safe"), stdio.env());
    }

    @Test
    void readsAnHttpServerWithHeadersAndTimeouts() {
        ServerConfig server = read("""
                {"mcp_servers": [{"name": "search", "transport": "http", "url": "https://mcp.example.com/mcp",
                                  "headers": {"Authorization": "Bearer s3cret"}, "timeouts": {"connect": "5s", "call": "45s"}}]}
                """).servers().getFirst();

        TransportConfig.StreamableHttp http = assertInstanceOf(TransportConfig.StreamableHttp.class, server.transport());
        assertEquals("https://mcp.example.com/mcp", http.url().toString());
        assertEquals(Map.of("Authorization", "Bearer s3cret"), http.headers());
        assertFalse(http.toString().contains("s3cret"), "headers hold secrets and must not be printed");
        assertEquals(Duration.ofSeconds(45), server.timeouts().call());
    }

    @Test
    void readsTheLoopSettingsWithDefaults() {
        LoopSettings defaults = read("{\"mcp_servers\": []}").settings();
        assertEquals(5, defaults.maxIterations());
        assertFalse(defaults.lastAnswerOnMaxIterations());
        assertEquals(Duration.ofSeconds(10), defaults.startupWait());

        LoopSettings settings = read("""
                {"mcp_servers": [], "mcp": {"max_iterations": 3, "on_max_iterations": "last_answer",
                                            "projects": {"support-bot": {"allow": ["everything__echo"]}}}}
                """).settings();
        assertEquals(3, settings.maxIterations());
        assertTrue(settings.lastAnswerOnMaxIterations());
        assertTrue(settings.projects().get("support-bot").permits("everything__echo"));
        assertFalse(settings.projects().get("support-bot").permits("everything__get-env"));
    }

    @Test
    void skipsDisabledServers() {
        assertEquals(List.of(), read("""
                {"mcp_servers": [{"name": "off", "enabled": false, "command": "npx"}]}
                """).servers());
    }

    @Test
    void refusesUnknownKeysNamingTheirPath() {
        assertEquals("gateway.yaml: mcp_servers[0].comand: unknown key (known keys: args, command, enabled, env, headers, "
                + "name, timeouts, tools, transport, url, working_directory)", refusal("""
                {"mcp_servers": [{"name": "x", "comand": "npx"}]}
                """));
        assertTrue(refusal("{\"mcp_servers\": [], \"mcp\": {\"max_iteration\": 3}}").startsWith("gateway.yaml: mcp.max_iteration: unknown key"));
    }

    @Test
    void refusesAServerWithoutATransport() {
        assertEquals("gateway.yaml: mcp_servers[0].transport: is required (stdio with a command, or http with a url)",
                refusal("{\"mcp_servers\": [{\"name\": \"x\"}]}"));
        assertEquals("gateway.yaml: mcp_servers[0].transport: expected stdio or http, got 'sse'",
                refusal("{\"mcp_servers\": [{\"name\": \"x\", \"transport\": \"sse\", \"url\": \"http://h/mcp\"}]}"));
    }

    @Test
    void refusesKeysOfTheOtherTransport() {
        assertEquals("gateway.yaml: mcp_servers[0].headers: does not apply to transport stdio",
                refusal("{\"mcp_servers\": [{\"name\": \"x\", \"command\": \"npx\", \"headers\": {\"a\": \"b\"}}]}"));
    }

    @Test
    void refusesServerNamesThatCouldCollideOrBreakToolNames() {
        assertTrue(refusal("{\"mcp_servers\": [{\"name\": \"a__b\", \"command\": \"npx\"}]}")
                .startsWith("gateway.yaml: mcp_servers[0].name: 'a__b' is not a valid server name"));
        assertTrue(refusal("{\"mcp_servers\": [{\"name\": \"my server\", \"command\": \"npx\"}]}")
                .contains("is not a valid server name"));
        assertEquals("gateway.yaml: mcp_servers[1].name: duplicate server name 'x'", refusal("""
                {"mcp_servers": [{"name": "x", "command": "npx"}, {"name": "x", "url": "http://h/mcp"}]}
                """));
    }

    @Test
    void refusesBadValues() {
        assertEquals("gateway.yaml: mcp_servers[0].url: expected an http:// or https:// URL with a host",
                refusal("{\"mcp_servers\": [{\"name\": \"x\", \"url\": \"ftp://h/mcp\"}]}"));
        assertEquals("gateway.yaml: mcp_servers[0].timeouts.call: expected a duration such as 250ms, 5s, 2m, 1h, got 'soon'",
                refusal("{\"mcp_servers\": [{\"name\": \"x\", \"command\": \"c\", \"timeouts\": {\"call\": \"soon\"}}]}"));
        assertEquals("gateway.yaml: mcp.max_iterations: expected 1 to 50, got 0",
                refusal("{\"mcp_servers\": [], \"mcp\": {\"max_iterations\": 0}}"));
        assertEquals("gateway.yaml: mcp.on_max_iterations: expected error or last_answer, got 'retry'",
                refusal("{\"mcp_servers\": [], \"mcp\": {\"on_max_iterations\": \"retry\"}}"));
        assertEquals("gateway.yaml: mcp_servers[0].env.PORT: expected a string",
                refusal("{\"mcp_servers\": [{\"name\": \"x\", \"command\": \"c\", \"env\": {\"PORT\": [1]}}]}"));
        assertTrue(refusal("{\"mcp_servers\": [{\"name\": \"x\", \"command\": \"c\", \"working_directory\": \"nowhere\"}]}")
                .matches("gateway\\.yaml: mcp_servers\\[0\\]\\.working_directory: '.*nowhere' is not a directory"));
    }
}
