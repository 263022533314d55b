package io.policygateway.plugins.mcp.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds the MCP configuration into records, refusing unknown keys and bad values with a
 * {@link ConfigException} that names the file and the full path of the key.
 *
 * <p>Expects the section the kernel passes for {@code mcp_servers}: a mapping holding the
 * top-level keys {@code mcp_servers} (a list) and, optionally, {@code mcp} (a mapping), at path
 * {@code ""} so that messages name keys exactly as they are written in {@code gateway.yaml}.
 */
public final class McpConfigReader {
    /** Server names become tool-name prefixes: no {@code __} inside, no trailing {@code _}. */
    private static final Pattern SERVER_NAME = Pattern.compile("[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*");
    private static final int MAX_SERVER_NAME_LENGTH = 32;
    private static final int MAX_ITERATIONS_LIMIT = 50;

    private final Path home;

    /** @param home the gateway's home folder, against which relative working directories are resolved */
    public McpConfigReader(Path home) {
        this.home = requireNonNull(home, "home is null").toAbsolutePath().normalize();
    }

    public McpConfig read(PluginConfig config) {
        requireNonNull(config, "config is null");
        config.requireOnly("mcp_servers", "mcp");
        List<ServerConfig> servers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<PluginConfig> entries = config.sections("mcp_servers");
        for (PluginConfig entry : entries) {
            if (!entry.bool("enabled", true)) {
                continue;
            }
            ServerConfig server = server(entry);
            if (!names.add(server.name())) {
                throw entry.error("name", "duplicate server name '" + server.name() + "'");
            }
            servers.add(server);
        }
        return new McpConfig(servers, settings(config.section("mcp")));
    }

    private ServerConfig server(PluginConfig entry) {
        entry.requireOnly("name", "enabled", "transport", "command", "args", "env", "working_directory", "url",
                "headers", "tools", "timeouts");
        String name = entry.requireString("name");
        if (name.length() > MAX_SERVER_NAME_LENGTH || !SERVER_NAME.matcher(name).matches()) {
            throw entry.error("name", "'" + name + "' is not a valid server name (letters and digits, single '-' or '_'"
                    + " between them, at most " + MAX_SERVER_NAME_LENGTH + " characters)");
        }
        TransportConfig transport = switch (transportKind(entry)) {
            case "stdio" -> stdio(entry);
            case "http" -> http(entry);
            default -> throw new IllegalStateException("unreachable");
        };
        return new ServerConfig(name, transport, serverTools(entry.section("tools")), timeouts(entry.section("timeouts")));
    }

    private static String transportKind(PluginConfig entry) {
        String kind = entry.string("transport", null);
        if (kind == null) {
            boolean command = entry.has("command");
            boolean url = entry.has("url");
            if (command == url) {
                throw entry.error("transport", "is required (stdio with a command, or http with a url)");
            }
            return command ? "stdio" : "http";
        }
        if (!kind.equals("stdio") && !kind.equals("http")) {
            throw entry.error("transport", "expected stdio or http, got '" + kind + "'");
        }
        return kind;
    }

    private TransportConfig.Stdio stdio(PluginConfig entry) {
        refuse(entry, "url", "stdio");
        refuse(entry, "headers", "stdio");
        String command = entry.requireString("command");
        Path directory;
        String written = entry.string("working_directory", ".");
        try {
            directory = home.resolve(written).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw entry.error("working_directory", "'" + written + "' is not a valid path");
        }
        if (!Files.isDirectory(directory)) {
            throw entry.error("working_directory", "'" + directory + "' is not a directory");
        }
        return new TransportConfig.Stdio(command, entry.strings("args"), stringMap(entry, "env"), directory);
    }

    private static TransportConfig.StreamableHttp http(PluginConfig entry) {
        refuse(entry, "command", "http");
        refuse(entry, "args", "http");
        refuse(entry, "env", "http");
        refuse(entry, "working_directory", "http");
        String written = entry.requireString("url");
        URI url;
        try {
            url = new URI(written);
        } catch (URISyntaxException e) {
            throw entry.error("url", "is not a valid URL");
        }
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw entry.error("url", "expected an http:// or https:// URL with a host");
        }
        return new TransportConfig.StreamableHttp(url, stringMap(entry, "headers"));
    }

    private static void refuse(PluginConfig entry, String key, String transport) {
        if (entry.has(key)) {
            throw entry.error(key, "does not apply to transport " + transport);
        }
    }

    private static ToolFilter serverTools(PluginConfig tools) {
        tools.requireOnly("allow", "deny");
        List<NamePattern> allow = patterns(tools, "allow");
        return new ToolFilter(allow.isEmpty() ? Optional.empty() : Optional.of(allow), patterns(tools, "deny"));
    }

    private static Timeouts timeouts(PluginConfig timeouts) {
        timeouts.requireOnly("connect", "call");
        Duration connect = positive(timeouts, "connect", Timeouts.DEFAULTS.connect());
        Duration call = positive(timeouts, "call", Timeouts.DEFAULTS.call());
        return new Timeouts(connect, call);
    }

    private static LoopSettings settings(PluginConfig mcp) {
        mcp.requireOnly("max_iterations", "on_max_iterations", "projects", "keys", "max_result_chars", "startup_wait",
                "reconnect", "health_check_interval");
        long maxIterations = mcp.number("max_iterations", 5);
        if (maxIterations < 1 || maxIterations > MAX_ITERATIONS_LIMIT) {
            throw mcp.error("max_iterations", "expected 1 to " + MAX_ITERATIONS_LIMIT + ", got " + maxIterations);
        }
        String onMax = mcp.string("on_max_iterations", "error");
        if (!onMax.equals("error") && !onMax.equals("last_answer")) {
            throw mcp.error("on_max_iterations", "expected error or last_answer, got '" + onMax + "'");
        }
        long maxResultChars = mcp.number("max_result_chars", 100_000);
        if (maxResultChars < 100 || maxResultChars > 10_000_000) {
            throw mcp.error("max_result_chars", "expected 100 to 10000000, got " + maxResultChars);
        }
        Duration startupWait = mcp.duration("startup_wait", Duration.ofSeconds(10));
        if (startupWait.isNegative()) {
            throw mcp.error("startup_wait", "must not be negative");
        }
        PluginConfig reconnect = mcp.section("reconnect");
        reconnect.requireOnly("initial_delay", "max_delay");
        Duration initialDelay = positive(reconnect, "initial_delay", Duration.ofSeconds(1));
        Duration maxDelay = positive(reconnect, "max_delay", Duration.ofMinutes(1));
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw reconnect.error("max_delay", "must not be shorter than initial_delay");
        }
        return new LoopSettings((int) maxIterations, onMax.equals("last_answer"), accessLists(mcp, "projects"),
                accessLists(mcp, "keys"), (int) maxResultChars, startupWait, initialDelay, maxDelay,
                positive(mcp, "health_check_interval", Duration.ofSeconds(30)));
    }

    /** {@code projects} / {@code keys}: name → {allow, deny}; a present allow list denies everything else. */
    private static Map<String, ToolFilter> accessLists(PluginConfig mcp, String key) {
        Optional<JsonNode> raw = mcp.raw(key);
        if (raw.isEmpty()) {
            return Map.of();
        }
        if (!raw.get().isObject()) {
            throw mcp.error(key, "expected a mapping of names to {allow, deny}");
        }
        PluginConfig lists = mcp.section(key);
        Map<String, ToolFilter> result = new LinkedHashMap<>();
        raw.get().fieldNames().forEachRemaining(name -> {
            PluginConfig entry = lists.section(name);
            entry.requireOnly("allow", "deny");
            Optional<List<NamePattern>> allow = entry.has("allow") ? Optional.of(patterns(entry, "allow")) : Optional.empty();
            result.put(name, new ToolFilter(allow, patterns(entry, "deny")));
        });
        return result;
    }

    private static List<NamePattern> patterns(PluginConfig section, String key) {
        List<NamePattern> result = new ArrayList<>();
        List<String> names = section.strings(key);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                throw section.error(key + "[" + i + "]", "must not be blank");
            }
            result.add(NamePattern.of(names.get(i)));
        }
        return result;
    }

    private static Duration positive(PluginConfig section, String key, Duration defaultValue) {
        Duration value = section.duration(key, defaultValue);
        if (value.isZero() || value.isNegative()) {
            throw section.error(key, "must be longer than zero");
        }
        return value;
    }

    private static Map<String, String> stringMap(PluginConfig section, String key) {
        Optional<JsonNode> raw = section.raw(key);
        if (raw.isEmpty()) {
            return Map.of();
        }
        if (!raw.get().isObject()) {
            throw section.error(key, "expected a mapping of names to strings");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : raw.get().properties()) {
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw section.error(key + "." + field.getKey(), "expected a string");
            }
            result.put(field.getKey(), value.asText());
        }
        return result;
    }
}
