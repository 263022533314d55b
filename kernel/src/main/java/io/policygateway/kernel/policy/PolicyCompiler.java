package io.policygateway.kernel.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ConfigException;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import io.policygateway.kernel.config.ConfigValues;
import io.policygateway.kernel.store.UsageLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Turns validated rules into checks and guardrail stages, at start (and for inline policies, per request). */
public final class PolicyCompiler {
    private final GuardrailChains guardrails;
    private final UsageLedger ledger;
    private final Pricing pricing;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path logs;
    private final String source;
    private final Map<String, AuditSink> sinks = new ConcurrentHashMap<>();

    public PolicyCompiler(GuardrailChains guardrails, UsageLedger ledger, Pricing pricing, ObjectMapper json, Clock clock, Path logs, String source) {
        this.guardrails = guardrails;
        this.ledger = ledger;
        this.pricing = pricing;
        this.json = json;
        this.clock = clock;
        this.logs = logs;
        this.source = source;
    }

    public CompiledPolicy compile(PolicyDefinition definition, String path) {
        Optional<CompiledPolicy> canary = definition.canary().map(next -> compileRules(definition.id(), next.version(), definition.shadow(),
                next.rules(), path + ".canary.rules", Optional.empty(), List.of(), 0));
        return compileRules(definition.id(), definition.version(), definition.shadow(), definition.rules(), path + ".rules", canary,
                definition.canary().map(PolicyDefinition.Canary::targets).orElse(List.of()),
                definition.canary().map(PolicyDefinition.Canary::percent).orElse(0.0));
    }

    private CompiledPolicy compileRules(String id, int version, boolean shadow, List<PolicyRule> rules, String path,
            Optional<CompiledPolicy> canary, List<String> canaryTargets, double canaryPercent) {
        List<RuleCheck> checks = new ArrayList<>();
        List<GuardrailStage> stages = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            PolicyRule rule = rules.get(i);
            PolicyRule effective = shadow && !rule.shadow() ? new PolicyRule(rule.id(), rule.policy(), rule.kind(), rule.stage(), rule.scope(), true, rule.raw()) : rule;
            String rulePath = path + "[" + i + "]";
            if (effective.stage() == PolicyRule.Stage.BACKGROUND && effective.kind() != PolicyRule.Kind.AUDIT) {
                continue;
            }
            switch (effective.kind()) {
                case GUARDRAIL -> stages.add(guardrailStage(effective, rulePath));
                case ACCESS -> checks.add(new AccessRule(effective));
                case TRANSFORMATION -> checks.add(new TransformationRule(effective, source, rulePath));
                case RATE_LIMIT -> checks.add(new RateLimitRule(effective));
                case COST -> checks.add(new CostRule(effective, requireLedger(rulePath), pricing, clock));
                case DATA_RESIDENCY -> checks.add(new DataResidencyRule(effective));
                case AUDIT -> checks.add(new AuditRule(effective, sink(effective, rulePath), json, clock));
            }
        }
        return new CompiledPolicy(id, version, shadow, checks, stages, canary, canaryTargets, canaryPercent);
    }

    private UsageLedger requireLedger(String path) {
        if (ledger == null) {
            throw new ConfigException(source, path, "cost rules need the usage store, which is not available");
        }
        return ledger;
    }

    private AuditSink sink(PolicyRule rule, String path) {
        Path folder = logs.resolve(AuditRule.folder(rule, source, path)).normalize();
        int retention = rule.section().path("retentionDays").asInt(0);
        return sinks.computeIfAbsent(folder + "#" + retention, key -> new AuditSink(folder, retention, clock));
    }

    /**
     * A guardrail rule: {@code guardrail.engine} names the guardrail plugin to use when set (or
     * {@code js} with {@code guardrail.script} a JS policy script); otherwise {@code guardrail.type}
     * picks the first plugin implementing that type. The plugin
     * gets {@code categories}, {@code action} and the optional {@code guardrail.config} object.
     */
    private GuardrailStage guardrailStage(PolicyRule rule, String path) {
        JsonNode section = rule.section();
        String type = section.path("type").asText("");
        GuardrailFactory factory;
        ObjectNode settings = json.createObjectNode();
        String engine = section.path("engine").asText("");
        if (!engine.isEmpty() && !engine.equals("js") && guardrails.factories().containsKey(engine)) {
            factory = guardrails.factories().get(engine);
            if (section.has("categories")) {
                settings.set("categories", section.get("categories").deepCopy());
            }
            if (section.has("action")) {
                settings.put("action", section.path("action").asText());
            }
        } else if (engine.equals("js")) {
            factory = guardrails.factory("js", path + ".guardrail.engine");
            if (!section.path("script").isTextual()) {
                throw new ConfigException(source, path + ".guardrail.script", "engine js needs the script's file name");
            }
            settings.put("script", section.path("script").asText());
            if (section.has("categories")) {
                settings.set("categories", section.get("categories").deepCopy());
            }
            if (section.has("action")) {
                settings.put("action", section.path("action").asText());
            }
        } else {
            factory = guardrails.factories().values().stream().filter(candidate -> candidate.policyTypes().contains(type)).findFirst()
                    .orElseThrow(() -> new ConfigException(source, path + ".guardrail.type", "no loaded guardrail plugin implements type '"
                            + type + "' (install the plugin, e.g. pii-redact for pii, secret-scan for secret-detection)"));
            if (section.has("categories")) {
                settings.set("categories", section.get("categories").deepCopy());
            }
            if (section.has("action")) {
                settings.put("action", section.path("action").asText());
            }
        }
        if (section.path("config").isObject()) {
            settings.setAll((ObjectNode) section.path("config").deepCopy());
        }
        Set<Hook> hooks = EnumSet.noneOf(Hook.class);
        Set<Hook> supported = factory.hooks();
        if (rule.runsBeforeRequest() && supported.contains(Hook.BEFORE_REQUEST)) {
            hooks.add(Hook.BEFORE_REQUEST);
        }
        if (rule.runsAfterResponse()) {
            for (Hook hook : new Hook[] {Hook.AFTER_REQUEST, Hook.STREAM_CHUNK}) {
                if (supported.contains(hook)) {
                    hooks.add(hook);
                }
            }
        }
        if (hooks.isEmpty()) {
            throw new ConfigException(source, path + ".stage", "guardrail '" + factory.id() + "' cannot run at stage " + rule.stage().name().toLowerCase()
                    + " (it supports " + supported.stream().map(Hook::configName).sorted().toList() + ")");
        }
        Duration timeout = section.path("timeout").isTextual() ? ConfigValues.duration(section.path("timeout").asText()) : Duration.ofSeconds(2);
        return new GuardrailStage(rule.id(), rule.policy(), guardrails.create(factory, settings, path + ".guardrail"), hooks,
                section.path("failOpen").asBoolean(false), timeout, rule.shadow());
    }

    /** An inline policy from a request body ({@code policy: {rules: [...]}}, a single rule or a list). */
    public static ArrayNode inlineRules(JsonNode policy) {
        if (policy.isArray()) {
            return (ArrayNode) policy;
        }
        if (policy.path("rules").isArray()) {
            return (ArrayNode) policy.path("rules");
        }
        ArrayNode single = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        single.add(policy);
        return single;
    }

    public void close() {
        sinks.values().forEach(AuditSink::close);
    }
}
