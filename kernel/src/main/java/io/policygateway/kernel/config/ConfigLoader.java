package io.policygateway.kernel.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.policygateway.api.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@code gateway.yaml}: parses YAML, expands {@code ${ENV}} references, refuses unknown
 * keys and bad values with one line naming the file, the path and the reason.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper BINDER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .registerModule(new ConfigModule());

    private ConfigLoader() {
    }

    /**
     * Loads a config file.
     *
     * @param pluginKeys top-level keys claimed by loaded plugins (kept raw for them)
     */
    public static GatewayConfig load(Path file, Function<String, Optional<String>> environment, Set<String> pluginKeys) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "(file)", "cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString(), environment, pluginKeys);
    }

    /** Reads the raw tree (env expanded), e.g. to find the plugin directory before plugins load. */
    public static ObjectNode tree(String yaml, String source, Function<String, Optional<String>> environment) {
        JsonNode root;
        try {
            root = yaml.isBlank() ? JsonNodeFactory.instance.objectNode() : YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ConfigException(source, "(file)", "is not valid YAML" + where + ": " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
            throw new ConfigException(source, "(root)", "expected a mapping of sections (server:, providers:, …)");
        }
        new EnvironmentExpander(environment, source).expand(root, "");
        return (ObjectNode) root;
    }

    public static GatewayConfig parse(String yaml, String source, Function<String, Optional<String>> environment, Set<String> pluginKeys) {
        ObjectNode root = tree(yaml, source, environment);
        Set<String> known = new TreeSet<>(GatewayConfig.KERNEL_KEYS);
        known.addAll(pluginKeys);
        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new ConfigException(source, name, "unknown key (known keys: " + String.join(", ", known) + ")");
            }
            if (pluginKeys.contains(name)) {
                extensions.put(name, root.get(name));
            }
        });
        ObjectNode kernel = root.deepCopy();
        pluginKeys.forEach(kernel::remove);
        kernel.put("source", source);
        try {
            GatewayConfig config = BINDER.treeToValue(kernel, GatewayConfig.class);
            return new GatewayConfig(config.source(), config.server(), config.upstream(), config.auth(), config.providers(),
                    config.models(), config.pluginSystem(), config.logging(), config.plugins(), config.strategy(), config.routes(),
                    config.projects(), config.policies(), config.jwt(), config.events(), config.storage(), config.health(), extensions);
        } catch (JsonMappingException e) {
            throw translate(source, e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "(root)", e.getOriginalMessage());
        }
    }

    /** Binds one section strictly into a record, with errors naming the section's path. */
    public static <T> T bind(JsonNode node, Class<T> type, String source, String path) {
        try {
            return BINDER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            ConfigException inner = translate(source, e);
            String innerPath = inner.path().equals("(root)") ? "" : inner.path();
            String full = innerPath.isEmpty() ? path : path + (innerPath.startsWith("[") ? "" : ".") + innerPath;
            throw new ConfigException(source, full, inner.reason());
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, path, e.getOriginalMessage());
        }
    }

    private static ConfigException translate(String source, JsonMappingException e) {
        String path = pathOf(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return new ConfigException(source, path, "unknown key" + (known.isEmpty() ? "" : " (known keys: " + known + ")"));
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return new ConfigException(source, path, e.getCause().getMessage());
        }
        if (e instanceof InvalidFormatException invalid) {
            if (invalid.getTargetType() == java.time.Duration.class || invalid.getTargetType() == ByteSize.class) {
                return new ConfigException(source, path, firstLine(invalid.getOriginalMessage()).replaceFirst("^.*?: ", ""));
            }
            return new ConfigException(source, path, "expected " + describe(invalid.getTargetType()) + ", got '" + invalid.getValue() + "'");
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new ConfigException(source, path, "expected " + describe(mismatched.getTargetType()));
        }
        return new ConfigException(source, path, e.getOriginalMessage());
    }

    private static String firstLine(String text) {
        int newline = text == null ? -1 : text.indexOf('\n');
        return newline < 0 ? String.valueOf(text) : text.substring(0, newline);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(root)" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord() || ObjectNode.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        return type.getSimpleName();
    }
}
