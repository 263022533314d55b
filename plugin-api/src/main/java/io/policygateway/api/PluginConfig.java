package io.policygateway.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One plugin instance's configuration: a section of {@code gateway.yaml} with environment
 * variables already expanded, plus where it came from, so errors name the file and path.
 *
 * <p>Typed getters throw {@link ConfigException} naming the offending path. Factories call
 * {@link #requireOnly(String...)} first so unknown keys are refused, as everywhere in the gateway.
 */
public final class PluginConfig {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final String source;
    private final String path;
    private final ObjectNode node;

    public PluginConfig(String source, String path, ObjectNode node) {
        this.source = requireNonNull(source, "source is null");
        this.path = requireNonNull(path, "path is null");
        this.node = requireNonNull(node, "node is null").deepCopy();
    }

    public static PluginConfig empty(String path) {
        return new PluginConfig("<defaults>", path, JsonNodeFactory.instance.objectNode());
    }

    /** The file the section came from, for messages. */
    public String source() {
        return source;
    }

    /** The dotted path of the section in its file, e.g. {@code plugins[2].config}. */
    public String path() {
        return path;
    }

    /** A copy of the raw section, for plugins that bind it themselves. */
    public ObjectNode node() {
        return node.deepCopy();
    }

    public boolean has(String key) {
        return node.hasNonNull(key);
    }

    /** Refuses keys other than the given ones. */
    public PluginConfig requireOnly(String... keys) {
        Set<String> allowed = Set.of(keys);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(name, "unknown key (known keys: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    public String string(String key, String defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isValueNode()) {
            throw error(key, "expected a string");
        }
        return value.asText();
    }

    public String requireString(String key) {
        String value = string(key, null);
        if (value == null || value.isBlank()) {
            throw error(key, "is required");
        }
        return value;
    }

    public long number(String key, long defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                throw error(key, "expected a whole number, got '" + value.asText() + "'");
            }
        }
        throw error(key, "expected a whole number");
    }

    public double decimal(String key, double defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException e) {
                throw error(key, "expected a number, got '" + value.asText() + "'");
            }
        }
        throw error(key, "expected a number");
    }

    public boolean bool(String key, boolean defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        throw error(key, "expected true or false");
    }

    /** A duration written as {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}, or a number of milliseconds. */
    public Duration duration(String key, Duration defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        return parseDuration(value, key);
    }

    public List<String> strings(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(key, "expected a list of strings");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isValueNode() || item.isNull()) {
                throw error(key + "[" + i + "]", "expected a string");
            }
            result.add(item.asText());
        }
        return List.copyOf(result);
    }

    /** A nested section as its own config, or an empty one when absent. */
    public PluginConfig section(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return new PluginConfig(source, childPath(key), JsonNodeFactory.instance.objectNode());
        }
        if (!value.isObject()) {
            throw error(key, "expected a mapping");
        }
        return new PluginConfig(source, childPath(key), (ObjectNode) value);
    }

    /** The items of a list of mappings, each as its own config. */
    public List<PluginConfig> sections(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(key, "expected a list");
        }
        List<PluginConfig> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                throw error(key + "[" + i + "]", "expected a mapping");
            }
            result.add(new PluginConfig(source, childPath(key) + "[" + i + "]", (ObjectNode) item));
        }
        return List.copyOf(result);
    }

    public Optional<JsonNode> raw(String key) {
        return Optional.ofNullable(node.get(key)).filter(value -> !value.isNull()).map(JsonNode::deepCopy);
    }

    /** An error naming this section's file and the full path of {@code key}. */
    public ConfigException error(String key, String reason) {
        return new ConfigException(source, childPath(key), reason);
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private Duration parseDuration(JsonNode value, String key) {
        if (value.isIntegralNumber()) {
            return Duration.ofMillis(value.asLong());
        }
        Matcher matcher = DURATION.matcher(value.asText().trim());
        if (!value.isTextual() || !matcher.matches()) {
            throw error(key, "expected a duration such as 250ms, 5s, 2m, 1h, got '" + value.asText() + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw error(key, "unknown duration unit");
        };
    }

    @Override
    public String toString() {
        return source + ":" + path;
    }
}
