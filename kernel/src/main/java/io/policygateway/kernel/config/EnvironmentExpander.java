package io.policygateway.kernel.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.policygateway.api.ConfigException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-default}} in every string of a config tree, in place.
 * A variable without a default that is not set is an error naming the file and the path.
 * {@code $${...}} is left as a literal {@code ${...}}.
 */
final class EnvironmentExpander {
    private static final Pattern REFERENCE = Pattern.compile("\\$(\\$?)\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

    private final Function<String, Optional<String>> environment;
    private final String source;

    EnvironmentExpander(Function<String, Optional<String>> environment, String source) {
        this.environment = requireNonNull(environment, "environment is null");
        this.source = requireNonNull(source, "source is null");
    }

    void expand(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(expandText(field.getValue().asText(), childPath)));
                } else {
                    expand(field.getValue(), childPath);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = path + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(expandText(array.get(i).asText(), childPath)));
                } else {
                    expand(array.get(i), childPath);
                }
            }
        }
    }

    private String expandText(String text, String path) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (!matcher.group(1).isEmpty()) {
                replacement = matcher.group().substring(1);
            } else {
                String name = matcher.group(2);
                Optional<String> value = environment.apply(name).filter(v -> !v.isEmpty());
                if (value.isPresent()) {
                    replacement = value.get();
                } else if (matcher.group(3) != null) {
                    replacement = matcher.group(4);
                } else {
                    throw new ConfigException(source, path, "environment variable " + name + " is not set (write ${" + name + ":-default} to give a default)");
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
