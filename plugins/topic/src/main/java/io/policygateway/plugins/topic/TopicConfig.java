package io.policygateway.plugins.topic;

import io.policygateway.api.guardrail.StreamMode;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.PluginConfig;
import io.policygateway.plugins.topic.classifier.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * topic's settings.
 *
 * @param mode whether {@code topics} is a deny list (the default) or an allow list
 * @param topics the listed topics, built-in or custom
 * @param customTopics custom topic names to the phrases that mark them
 * @param threshold the score at which a topic counts as present (default 0.5)
 * @param action what to do on a violation (default block)
 * @param roles the request message roles checked before the request (default user)
 * @param stream how streamed responses are checked (default window)
 */
record TopicConfig(Mode mode, Set<String> topics, Map<String, List<String>> customTopics, double threshold,
        GuardrailAction action, Set<String> roles, StreamMode stream) {
    static final double DEFAULT_THRESHOLD = 0.5;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> KNOWN_ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    /** How the topic list is read. */
    enum Mode {
        /** Listed topics are refused. */
        DENY,
        /** Only listed topics (or none) may come up; any other recognised topic is refused. */
        ALLOW
    }

    TopicConfig {
        requireNonNull(mode, "mode is null");
        topics = Set.copyOf(topics);
        customTopics = Map.copyOf(customTopics);
        requireNonNull(action, "action is null");
        roles = Set.copyOf(roles);
        requireNonNull(stream, "stream is null");
    }

    static TopicConfig from(PluginConfig config) {
        config.requireOnly("deny", "allow", "categories", "custom_topics", "threshold", "action", "roles", "stream");
        Map<String, List<String>> custom = customTopics(config);
        Mode mode;
        String key;
        if (config.has("deny") && config.has("allow")) {
            throw config.error("allow", "give either deny or allow, not both");
        } else if (config.has("allow")) {
            mode = Mode.ALLOW;
            key = "allow";
        } else {
            mode = Mode.DENY;
            key = config.has("deny") ? "deny" : "categories";
        }
        if (config.has("categories") && !key.equals("categories")) {
            throw config.error("categories", "give the topics either as categories or as " + key + ", not both");
        }
        List<String> names = config.strings(key);
        Set<String> topics = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim().toLowerCase(Locale.ROOT).replace('-', '_');
            if (Topic.fromWireName(name).isEmpty() && !custom.containsKey(names.get(i))) {
                throw config.error(key + "[" + i + "]", "unknown topic '" + names.get(i) + "' (built in: politics, "
                        + "medical_advice, legal_advice, financial_advice, violence, self_harm, weapons; or define it under "
                        + "custom_topics)");
            }
            topics.add(custom.containsKey(names.get(i)) ? names.get(i) : name);
        }
        if (mode == Mode.DENY && topics.isEmpty()) {
            throw config.error(key, "lists no topic to deny (give deny, allow or categories)");
        }
        double threshold = config.decimal("threshold", DEFAULT_THRESHOLD);
        if (!(threshold > 0 && threshold <= 1)) {
            throw config.error("threshold", "expected a number above 0 and at most 1, got " + threshold);
        }
        List<String> roles = config.has("roles") ? config.strings("roles") : List.of("user");
        for (int i = 0; i < roles.size(); i++) {
            if (!KNOWN_ROLES.contains(roles.get(i))) {
                throw config.error("roles[" + i + "]", "expected one of system, developer, user, assistant, tool, function, got '"
                        + roles.get(i) + "'");
            }
        }
        return new TopicConfig(mode, topics, custom, threshold, GuardrailAction.from(config, "topic"), Set.copyOf(roles),
                StreamMode.from(config, "stream", StreamMode.WINDOW));
    }

    private static Map<String, List<String>> customTopics(PluginConfig config) {
        Map<String, List<String>> custom = new LinkedHashMap<>();
        PluginConfig section = config.section("custom_topics");
        for (Map.Entry<String, JsonNode> field : section.node().properties()) {
            String name = field.getKey();
            if (!NAME.matcher(name).matches()) {
                throw section.error(name, "a topic name is lower-case letters, digits, '_' or '-'");
            }
            if (Topic.fromWireName(name).isPresent()) {
                throw section.error(name, "is a built-in topic; pick another name");
            }
            List<String> phrases = new ArrayList<>(section.strings(name));
            if (phrases.isEmpty() || phrases.stream().anyMatch(String::isBlank)) {
                throw section.error(name, "needs a list of non-empty phrases");
            }
            custom.put(name, List.copyOf(phrases));
        }
        return custom;
    }
}
