package io.policygateway.kernel.policy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.Hook;
import io.policygateway.kernel.config.GuardrailEntry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds guardrail chains from config, at start, validating names, stages and each guardrail's own config. */
public final class GuardrailChains {
    private final Map<String, GuardrailFactory> factories;
    private final PluginContext context;
    private final String source;

    public GuardrailChains(List<GuardrailFactory> factories, PluginContext context, String source) {
        Map<String, GuardrailFactory> byId = new LinkedHashMap<>();
        factories.forEach(factory -> byId.put(factory.id(), factory));
        this.factories = Map.copyOf(byId);
        this.context = context;
        this.source = source;
    }

    public Map<String, GuardrailFactory> factories() {
        return factories;
    }

    /** The {@code plugins:} list as a chain (policy id {@code plugins}). */
    public List<GuardrailStage> fromPluginList(List<GuardrailEntry> entries) {
        List<GuardrailStage> stages = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            GuardrailEntry entry = entries.get(i);
            if (!entry.enabled()) {
                continue;
            }
            String path = "plugins[" + i + "]";
            GuardrailFactory factory = factory(entry.name(), path + ".name");
            Set<Hook> hooks = hooks(factory, entry.stages(), path + ".stage");
            ObjectNode settings = entry.config() == null ? JsonNodeFactory.instance.objectNode() : entry.config();
            stages.add(new GuardrailStage(entry.name(), "plugins", create(factory, settings, path + ".config"), hooks,
                    entry.failOpen(), entry.timeout(), false));
        }
        return List.copyOf(stages);
    }

    public GuardrailFactory factory(String name, String path) {
        GuardrailFactory factory = factories.get(name);
        if (factory == null) {
            throw new ConfigException(source, path, "no guardrail plugin named '" + name + "' is loaded (available: "
                    + String.join(", ", new TreeSet<>(factories.keySet())) + ")");
        }
        return factory;
    }

    public io.policygateway.api.guardrail.Guardrail create(GuardrailFactory factory, ObjectNode settings, String path) {
        try {
            return factory.create(new PluginConfig(source, path, settings), context);
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException(source, path, "guardrail '" + factory.id() + "' refused its config: " + e.getMessage());
        }
    }

    /**
     * The hooks to run: the configured stages (default: all the guardrail supports); an
     * after-request guardrail that can watch streams also watches streamed responses.
     */
    public Set<Hook> hooks(GuardrailFactory factory, List<String> configured, String path) {
        Set<Hook> supported = factory.hooks();
        if (configured.isEmpty()) {
            return supported;
        }
        Set<Hook> hooks = EnumSet.noneOf(Hook.class);
        for (String name : configured) {
            Hook hook;
            try {
                hook = Hook.fromConfigName(name);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source, path, e.getMessage());
            }
            if (!supported.contains(hook)) {
                throw new ConfigException(source, path, "guardrail '" + factory.id() + "' does not run at " + name + " (it supports "
                        + supported.stream().map(Hook::configName).sorted().toList() + ")");
            }
            hooks.add(hook);
        }
        if (hooks.contains(Hook.AFTER_REQUEST) && supported.contains(Hook.STREAM_CHUNK)) {
            hooks.add(Hook.STREAM_CHUNK);
        }
        return hooks;
    }
}
