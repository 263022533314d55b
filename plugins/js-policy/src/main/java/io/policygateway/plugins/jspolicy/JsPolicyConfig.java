package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code js} guardrail's configuration.
 *
 * @param directory the policies folder the script is read from
 * @param script the script's file name, or {@link #ALL_SCRIPTS} for every {@code .js} file in the folder
 * @param timeout how long one hook call may run before it is cancelled
 * @param memoryBytes how many bytes one hook call may allocate before it is cancelled
 * @param failMode what the request gets when the script cannot decide
 * @param rule what the script sees as {@code ctx.rule}: the policy rule's {@code action} and
 *     {@code categories}, when the guardrail comes from an {@code AIGatewayPolicy} rule
 * @param params what the script sees as {@code ctx.params}: the free-form {@code params} mapping
 */
record JsPolicyConfig(Path directory, String script, Duration timeout, long memoryBytes, FailMode failMode,
        ObjectNode rule, ObjectNode params) {

    /** The {@code script} value that selects every script in the folder, in file name order. */
    static final String ALL_SCRIPTS = "*";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(50);
    static final long DEFAULT_MEMORY_BYTES = 64L << 20;

    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);
    private static final long MIN_MEMORY_BYTES = 1L << 20;
    private static final long MAX_MEMORY_BYTES = 4L << 30;
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.js");
    private static final List<String> KEYS = List.of("script", "directory", "timeout", "memory", "fail", "params",
            "stage", "action", "categories");

    JsPolicyConfig {
        requireNonNull(directory, "directory is null");
        requireNonNull(script, "script is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(failMode, "failMode is null");
        rule = requireNonNull(rule, "rule is null").deepCopy();
        params = requireNonNull(params, "params is null").deepCopy();
    }

    boolean allScripts() {
        return script.equals(ALL_SCRIPTS);
    }

    /**
     * Binds and checks a guardrail's config.
     *
     * @throws io.policygateway.api.ConfigException naming the key when a value is missing or wrong
     */
    static JsPolicyConfig bind(PluginConfig config, PluginContext context) {
        config.requireOnly(KEYS.toArray(String[]::new));
        String script = scriptName(config);
        Path directory = directory(config, context);
        Duration timeout = config.duration("timeout", DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw config.error("timeout", "must be between 1ms and 30s, got " + timeout.toMillis() + "ms");
        }
        long memory = memoryBytes(config);
        FailMode failMode = switch (config.string("fail", "closed")) {
            case "open" -> FailMode.OPEN;
            case "closed" -> FailMode.CLOSED;
            default -> throw config.error("fail", "expected open or closed, got '" + config.string("fail", "") + "'");
        };
        ObjectNode rule = JsonNodeFactory.instance.objectNode();
        rule.put("action", config.string("action", null));
        rule.set("categories", context.json().valueToTree(config.strings("categories")));
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        JsonNode rawParams = config.raw("params").orElse(params);
        if (!rawParams.isObject()) {
            throw config.error("params", "expected a mapping");
        }
        return new JsPolicyConfig(directory, script, timeout, memory, failMode, rule, (ObjectNode) rawParams);
    }

    private static String scriptName(PluginConfig config) {
        String script = config.requireString("script").trim();
        if (script.equals(ALL_SCRIPTS)) {
            return script;
        }
        String fileName = script.endsWith(".js") ? script : script + ".js";
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw config.error("script", "expected a file name in the policies folder such as block-competitors.js"
                    + " (or * for every script), got '" + script + "'");
        }
        return fileName;
    }

    private static Path directory(PluginConfig config, PluginContext context) {
        String directory = config.string("directory", null);
        Path home = context.home().toAbsolutePath();
        if (directory == null || directory.isBlank()) {
            return home.resolve("policies").normalize();
        }
        return home.resolve(directory).normalize();
    }

    private static long memoryBytes(PluginConfig config) {
        String text = config.string("memory", null);
        if (text == null) {
            return DEFAULT_MEMORY_BYTES;
        }
        Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || matcher.group(1).length() > 10) {
            throw config.error("memory", "expected a size such as 64MB, 512KB or 1GB, got '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2);
        long bytes = switch (unit) {
            case "kb" -> amount << 10;
            case "mb" -> amount << 20;
            case "gb" -> amount << 30;
            default -> amount;
        };
        if (bytes < MIN_MEMORY_BYTES || bytes > MAX_MEMORY_BYTES) {
            throw config.error("memory", "must be between 1MB and 4GB, got '" + text + "'");
        }
        return bytes;
    }
}
