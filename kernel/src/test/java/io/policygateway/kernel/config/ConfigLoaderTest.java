package io.policygateway.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static GatewayConfig parse(String yaml, Map<String, String> env) {
        return ConfigLoader.parse(yaml, "conf/gateway.yaml", name -> Optional.ofNullable(env.get(name)), Set.of());
    }

    private static String error(String yaml, Map<String, String> env) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml, env));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void emptyConfigGivesWorkingDefaults() {
        GatewayConfig config = parse("", Map.of());
        assertEquals(5000, config.server().port());
        assertEquals(10L * 1024 * 1024, config.server().maxBodyBytes());
        assertEquals(Duration.ofSeconds(60), config.upstream().firstByte());
        assertTrue(config.auth().keys().isEmpty());
    }

    @Test
    void unknownKeyNamesFileAndPath() {
        assertEquals("conf/gateway.yaml: server.prot: unknown key (known keys: host, max_body_size, port)",
                error("server:\n  prot: 5000\n", Map.of()));
        assertTrue(error("serverr: {}\n", Map.of()).startsWith("conf/gateway.yaml: serverr: unknown key"));
    }

    @Test
    void badTypeNamesFileAndPath() {
        assertEquals("conf/gateway.yaml: server.port: expected a whole number, got 'five'", error("server:\n  port: five\n", Map.of()));
        assertEquals("conf/gateway.yaml: upstream.idle_timeout: expected a duration such as 250ms, 5s, 2m or 1h, got 'soon'",
                error("upstream:\n  idle_timeout: soon\n", Map.of()));
        assertEquals("conf/gateway.yaml: auth.keys[0]: sha256 must be 64 hex characters (the SHA-256 of the key, not the key itself)",
                error("auth:\n  keys:\n    - name: a\n      sha256: not-a-hash\n", Map.of()));
    }

    @Test
    void missingEnvironmentVariableNamesFileAndPath() {
        assertEquals("conf/gateway.yaml: providers.openai.api_key: environment variable MY_KEY is not set (write ${MY_KEY:-default} to give a default)",
                error("providers:\n  openai:\n    api_key: ${MY_KEY}\n", Map.of()));
    }

    @Test
    void expandsEnvironmentVariablesWithDefaults() {
        GatewayConfig config = parse("server:\n  port: ${GW_PORT:-6100}\n  host: ${GW_HOST}\n", Map.of("GW_HOST", "127.0.0.1"));
        assertEquals(6100, config.server().port());
        assertEquals("127.0.0.1", config.server().host());
    }

    @Test
    void invalidYamlNamesTheLine() {
        assertTrue(error("server:\n  port: [1,\n", Map.of()).contains("is not valid YAML at line"));
    }

    @Test
    void pluginOwnedSectionsAreKeptForTheirPlugin() {
        GatewayConfig config = ConfigLoader.parse("mcp_servers:\n  - name: x\n", "f", name -> Optional.empty(), Set.of("mcp_servers"));
        assertTrue(config.extensions().get("mcp_servers").isArray());
    }
}
