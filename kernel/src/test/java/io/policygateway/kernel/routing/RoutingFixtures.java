package io.policygateway.kernel.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.Metrics;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.http.UpstreamClient;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderFactory;
import io.policygateway.api.provider.ProviderRequest;
import io.policygateway.api.provider.ProviderResponse;
import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.RoutingStrategyFactory;
import io.policygateway.api.routing.TargetView;
import io.policygateway.kernel.config.ConfigLoader;
import io.policygateway.kernel.metrics.PrometheusMetrics;
import io.policygateway.kernel.provider.ProviderRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Hand-written fakes for route table tests: providers that serve model prefixes, a plugin context, a recording strategy. */
public final class RoutingFixtures {
    public static final String SOURCE = "conf/gateway.yaml";

    private RoutingFixtures() {
    }

    /** A chat provider serving model names with a prefix; it is never called here. */
    record PrefixProvider(String name, String type, String prefix) implements Provider {
        @Override
        public Set<WireFormat> formats() {
            return Set.of(WireFormat.OPENAI_CHAT);
        }

        @Override
        public List<String> models() {
            return List.of(prefix + "model");
        }

        @Override
        public boolean servesModel(String model) {
            return model.startsWith(prefix);
        }

        @Override
        public ProviderResponse send(ProviderRequest request) throws GatewayException {
            throw new GatewayException(ErrorCategory.INTERNAL, "not called in these tests");
        }
    }

    /** A factory enabling a provider only when its key variable is set. */
    record PrefixFactory(String id, String prefix, String keyVariable) implements ProviderFactory {
        @Override
        public ProviderSetup setup(String name, ProviderConfig config, PluginContext context) {
            return context.env(keyVariable).isPresent() ? ProviderSetup.enabled(new PrefixProvider(name, id, prefix), "key set")
                    : ProviderSetup.disabled(keyVariable + " is not set");
        }
    }

    /** Plans candidates as given and remembers what it was told. */
    static final class RecordingStrategy implements RoutingStrategy {
        final List<TargetView> validated = new ArrayList<>();

        @Override
        public void validate(List<TargetView> configuredTargets) {
            validated.addAll(configuredTargets);
        }

        @Override
        public List<TargetView> plan(RoutingRequest request, List<TargetView> candidates) {
            return candidates;
        }
    }

    record RecordingFactory(String id, RecordingStrategy strategy, List<PluginConfig> configs) implements RoutingStrategyFactory {
        @Override
        public RoutingStrategy create(PluginConfig config, PluginContext context) {
            configs.add(config);
            return strategy;
        }
    }

    public static PluginContext context(Map<String, String> environment, Clock clock) {
        PrometheusMetrics metrics = new PrometheusMetrics(false);
        ObjectMapper json = new ObjectMapper();
        return new PluginContext() {
            @Override
            public String systemVersion() {
                return "0.1.0";
            }

            @Override
            public Optional<String> env(String name) {
                return Optional.ofNullable(environment.get(name));
            }

            @Override
            public Path home() {
                return Path.of(".");
            }

            @Override
            public Path dataDirectory() {
                return Path.of(".");
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public ObjectMapper json() {
                return json;
            }

            @Override
            public UpstreamClient http() {
                throw new UnsupportedOperationException("no upstream calls in these tests");
            }

            @Override
            public Metrics metrics() {
                return metrics;
            }

            @Override
            public void emit(PolicyEvent event) {
            }
        };
    }

    /** Providers {@code a} and {@code b} (type openai, serving gpt-*) and {@code claude} (serving claude-*, disabled without its key). */
    static ProviderRegistry registry(PluginContext context) {
        Map<String, ObjectNode> configured = new LinkedHashMap<>();
        ObjectMapper json = context.json();
        configured.put("a", json.createObjectNode().put("type", "openai"));
        configured.put("b", json.createObjectNode().put("type", "openai"));
        return ProviderRegistry.create(List.of(new PrefixFactory("openai", "gpt-", "OPENAI_API_KEY"),
                new PrefixFactory("anthropic", "claude-", "ANTHROPIC_API_KEY")), configured, Map.of(), context, SOURCE);
    }

    public static RoutingConfig routing(String yaml) {
        ObjectNode tree = ConfigLoader.tree(yaml, SOURCE, name -> Optional.empty());
        return RoutingConfig.parse(tree.get("strategy"), tree.get("routes"), SOURCE);
    }
}
