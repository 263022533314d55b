package io.policygateway.kernel;

import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.kernel.config.GatewayConfig;
import io.policygateway.kernel.config.KeyConfig;
import io.policygateway.kernel.event.EventBus;
import io.policygateway.kernel.metrics.PrometheusMetrics;
import io.policygateway.kernel.plugin.PluginHost;
import io.policygateway.kernel.policy.CompiledPolicy;
import io.policygateway.kernel.policy.GuardrailChains;
import io.policygateway.kernel.policy.PolicyCompiler;
import io.policygateway.kernel.policy.PolicyConfigParser;
import io.policygateway.kernel.policy.PolicyDefinition;
import io.policygateway.kernel.policy.PolicyEngine;
import io.policygateway.kernel.policy.PolicyRuleSchema;
import io.policygateway.kernel.policy.Pricing;
import io.policygateway.kernel.policy.ProjectConfig;
import io.policygateway.kernel.policy.Quotas;
import io.policygateway.kernel.store.UsageLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the policy engine from config: guardrails list, policies (schema-validated), projects, quotas. */
final class Policies {
    private Policies() {
    }

    static PolicyEngine engine(GatewayConfig config, PluginHost plugins, PluginContext context, UsageLedger ledger, Pricing pricing,
            PrometheusMetrics metrics, EventBus events, Clock clock, Path home) {
        GuardrailChains guardrails = new GuardrailChains(plugins.extensions(GuardrailFactory.class, GuardrailFactory::id), context, config.source());
        PolicyRuleSchema schema = new PolicyRuleSchema(context.json());
        PolicyConfigParser parser = new PolicyConfigParser(schema, config.source());
        Map<String, PolicyDefinition> definitions = parser.policies(config.policies());
        Map<String, ProjectConfig> projects = parser.projects(config.projects(), definitions);
        checkKeyProjects(config, projects);
        PolicyCompiler compiler = new PolicyCompiler(guardrails, ledger, pricing, context.json(), clock, home.resolve("logs"), config.source());
        Map<String, CompiledPolicy> compiled = new LinkedHashMap<>();
        int index = 0;
        for (PolicyDefinition definition : definitions.values()) {
            compiled.put(definition.id(), compiler.compile(definition, "policies[" + index++ + "]"));
        }
        return new PolicyEngine(guardrails.fromPluginList(config.plugins()), compiled, projects, Optional.of(new Quotas(ledger, pricing, clock)),
                compiler, schema, pricing, metrics, events::emit, clock);
    }

    /**
     * Reads the config again from where it came from, for a reload. Sections other than
     * {@code plugins:}, {@code policies:} and {@code projects:} keep their running values.
     */
    static GatewayConfig reread(GatewayOptions options, Path home, java.util.function.Function<String, Optional<String>> environment,
            GatewayConfig running, PluginHost plugins) throws java.io.IOException {
        Gateway.ConfigSource source = Gateway.ConfigSource.resolve(home, options);
        java.util.Set<String> pluginKeys = new java.util.HashSet<>(running.extensions().keySet());
        plugins.extensions(io.policygateway.api.tool.ToolLoopFactory.class, io.policygateway.api.tool.ToolLoopFactory::id).forEach(factory -> {
            pluginKeys.add(factory.configKey());
            pluginKeys.addAll(factory.settingsKeys());
        });
        GatewayConfig fresh = io.policygateway.kernel.config.ConfigLoader.parse(source.text(), source.name(), environment, pluginKeys);
        return new GatewayConfig(fresh.source(), running.server(), running.upstream(), running.auth(), running.providers(), running.models(),
                running.pluginSystem(), running.logging(), fresh.plugins(), running.strategy(), running.routes(), fresh.projects(),
                fresh.policies(), running.jwt(), running.events(), running.storage(), running.health(), running.extensions());
    }

    private static void checkKeyProjects(GatewayConfig config, Map<String, ProjectConfig> projects) {
        List<KeyConfig> keys = config.auth().keys();
        for (int i = 0; i < keys.size(); i++) {
            KeyConfig key = keys.get(i);
            if (key.project() != null && !projects.containsKey(key.project())) {
                throw new ConfigException(config.source(), "auth.keys[" + i + "].project", "no project with id '" + key.project() + "'");
            }
            for (String project : key.projects()) {
                if (!projects.containsKey(project)) {
                    throw new ConfigException(config.source(), "auth.keys[" + i + "].projects", "no project with id '" + project + "'");
                }
            }
        }
    }
}
