package io.policygateway.plugins.strategy.conditional;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.routing.RoutingRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code rules:} entry. Every condition written under {@code when} must hold (and); a
 * condition listing several values holds when any of them matches (or).
 *
 * @param models exact model names, matched against the model after alias resolution and as sent
 * @param modelPrefixes model name prefixes, matched the same way
 * @param projects project ids
 * @param labels target labels ({@code X-Policy-Target} / {@code policy_target})
 * @param users end-user ids ({@code X-Policy-User})
 * @param headers request headers (lower-case names) and their accepted values
 * @param stream whether the request streams, if the rule cares
 * @param then the targets to try, in order
 */
record Rule(List<String> models, List<String> modelPrefixes, List<String> projects, List<String> labels, List<String> users,
        Map<String, List<String>> headers, Optional<Boolean> stream, TargetChoice then) {
    private static final String TARGET_HEADER = "x-policy-target";

    Rule {
        models = List.copyOf(models);
        modelPrefixes = List.copyOf(modelPrefixes);
        projects = List.copyOf(projects);
        labels = List.copyOf(labels);
        users = List.copyOf(users);
        headers = Map.copyOf(headers);
        requireNonNull(stream, "stream is null");
        requireNonNull(then, "then is null");
    }

    static Rule parse(PluginConfig section) {
        section.requireOnly("when", "then");
        PluginConfig when = section.section("when")
                .requireOnly("model", "model_prefix", "project", "target", "user", "headers", "stream");
        if (!section.has("when") || when.node().isEmpty()) {
            throw section.error("when", "is required: give at least one condition (model, model_prefix, project, target, user, headers, stream)");
        }
        PluginConfig headerSection = when.section("headers");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headerSection.node().fieldNames().forEachRemaining(name ->
                headers.put(name.toLowerCase(Locale.ROOT), Values.strings(headerSection, name)));
        Optional<Boolean> stream = when.has("stream") ? Optional.of(when.bool("stream", false)) : Optional.empty();
        PluginConfig then = section.section("then").requireOnly("target", "targets");
        if (then.has("target") == then.has("targets")) {
            throw section.error("then", "give exactly one of target: <id> or targets: [<id>, …]");
        }
        TargetChoice choice = TargetChoice.parse(then, then.has("target") ? "target" : "targets");
        return new Rule(Values.strings(when, "model"), Values.strings(when, "model_prefix"), Values.strings(when, "project"),
                Values.strings(when, "target"), Values.strings(when, "user"), headers, stream, choice);
    }

    boolean matches(RoutingRequest request) {
        PolicyContext context = request.context();
        if (!models.isEmpty() && !(models.contains(request.model()) || models.contains(request.requestedModel()))) {
            return false;
        }
        if (!modelPrefixes.isEmpty() && modelPrefixes.stream()
                .noneMatch(prefix -> request.model().startsWith(prefix) || request.requestedModel().startsWith(prefix))) {
            return false;
        }
        if (!projects.isEmpty() && !context.project().map(projects::contains).orElse(false)) {
            return false;
        }
        Optional<String> label = context.target().or(() -> Optional.ofNullable(context.headers().get(TARGET_HEADER)));
        if (!labels.isEmpty() && !label.map(labels::contains).orElse(false)) {
            return false;
        }
        if (!users.isEmpty() && !context.user().map(users::contains).orElse(false)) {
            return false;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String value = context.headers().get(header.getKey());
            if (value == null || !header.getValue().contains(value)) {
                return false;
            }
        }
        return stream.map(wanted -> wanted == request.stream()).orElse(true);
    }
}
