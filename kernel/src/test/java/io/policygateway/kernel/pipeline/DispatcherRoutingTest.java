package io.policygateway.kernel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderFactory;
import io.policygateway.api.provider.ProviderRequest;
import io.policygateway.api.provider.ProviderResponse;
import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.RoutingStrategyFactory;
import io.policygateway.api.routing.TargetView;
import io.policygateway.kernel.config.UpstreamConfig;
import io.policygateway.kernel.metrics.GatewayMetrics;
import io.policygateway.kernel.metrics.PrometheusMetrics;
import io.policygateway.kernel.provider.ProviderRegistry;
import io.policygateway.kernel.routing.ManualClock;
import io.policygateway.kernel.routing.PriceCatalogue;
import io.policygateway.kernel.routing.RouteTable;
import io.policygateway.kernel.routing.RoutingFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The dispatcher's routing loop against scripted providers: compliance filtering and retry pauses. */
class DispatcherRoutingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManualClock clock = new ManualClock();
    private final PluginContext context = RoutingFixtures.context(Map.of(), clock);
    private final Map<String, Deque<Object>> scripts = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();

    /** Answers with the next scripted outcome: a GatewayException to throw, else a completion. */
    private final class ScriptedProvider implements Provider {
        private final String name;

        ScriptedProvider(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String type() {
            return "scripted";
        }

        @Override
        public Set<WireFormat> formats() {
            return Set.of(WireFormat.OPENAI_CHAT);
        }

        @Override
        public List<String> models() {
            return List.of("gpt-4o");
        }

        @Override
        public boolean servesModel(String model) {
            return model.startsWith("gpt-");
        }

        @Override
        public ProviderResponse send(ProviderRequest request) throws GatewayException {
            calls.add(name);
            Object next = scripts.get(name).poll();
            if (next instanceof GatewayException failure) {
                throw failure;
            }
            return new ProviderResponse.Complete(WireFormat.OPENAI_CHAT, JSON.createObjectNode().put("served_by", name), Map.of());
        }
    }

    private final class InOrder implements RoutingStrategyFactory {
        @Override
        public String id() {
            return "in-order";
        }

        @Override
        public RoutingStrategy create(PluginConfig config, PluginContext pluginContext) {
            return (RoutingRequest request, List<TargetView> candidates) -> candidates;
        }
    }

    private Dispatcher dispatcher(String routingYaml, String... providers) {
        Map<String, ObjectNode> configured = new LinkedHashMap<>();
        for (String name : providers) {
            configured.put(name, JSON.createObjectNode().put("type", "scripted"));
            scripts.put(name, new ConcurrentLinkedDeque<>());
        }
        ProviderFactory factory = new ProviderFactory() {
            @Override
            public String id() {
                return "scripted";
            }

            @Override
            public ProviderSetup setup(String name, ProviderConfig config, PluginContext pluginContext) {
                return ProviderSetup.enabled(new ScriptedProvider(name), "scripted");
            }
        };
        ProviderRegistry registry = ProviderRegistry.create(List.of(factory), configured, Map.of(), context, RoutingFixtures.SOURCE);
        PriceCatalogue prices = PriceCatalogue.builtIn();
        RouteTable routes = routingYaml.isEmpty() ? RouteTable.none(prices)
                : RouteTable.create(RoutingFixtures.routing(routingYaml), registry, List.of(new InOrder()), context, prices, RoutingFixtures.SOURCE);
        return new Dispatcher(registry, routes, UpstreamConfig.defaults(), new GatewayMetrics(new PrometheusMetrics(false)), clock,
                pauses::add);
    }

    private static RequestCall call() {
        ClientExchange exchange = new ClientExchange() {
            @Override
            public String method() {
                return "POST";
            }

            @Override
            public String path() {
                return "/v1/chat/completions";
            }

            @Override
            public String query() {
                return null;
            }

            @Override
            public java.util.Optional<String> header(String name) {
                return java.util.Optional.empty();
            }

            @Override
            public Map<String, String> headers() {
                return Map.of();
            }

            @Override
            public byte[] readBody(long limit) {
                throw new UnsupportedOperationException("not read here");
            }

            @Override
            public void respond(int status, Map<String, String> headers, String contentType, byte[] body) {
                throw new UnsupportedOperationException("not answered here");
            }

            @Override
            public StreamSink startStream(int status, Map<String, String> headers) {
                throw new UnsupportedOperationException("not streamed here");
            }

            @Override
            public void onClientGone(Runnable action) {
            }
        };
        return new RequestCall(exchange, TraceContext.from(java.util.Optional.empty(), java.util.Optional.empty()), new AccessRecord(), "v1", "/chat/completions");
    }

    private static Dispatcher.Dispatched send(Dispatcher dispatcher, RequestCall call, Predicate<TargetView> compliance) throws GatewayException {
        ObjectNode body = JSON.createObjectNode().put("model", "gpt-4o");
        return dispatcher.dispatch(call, WireFormat.OPENAI_CHAT, "gpt-4o", body, false, PolicyContext.anonymous("t"), Map.of(), compliance);
    }

    private static GatewayException unavailable() {
        return new GatewayException(ErrorCategory.UPSTREAM, "Upstream failed (HTTP 503)", null, null, 503, null, null);
    }

    @Test
    void onlyTargetsTheComplianceRuleAcceptsAreTried() throws GatewayException {
        Dispatcher dispatcher = dispatcher("""
                strategy:
                  mode: in-order
                  targets: [{ provider: us, region: us-east-1 }, { provider: eu, region: eu-west-1 }]
                """, "us", "eu");

        Dispatcher.Dispatched dispatched = send(dispatcher, call(), target -> target.region().orElse("").startsWith("eu-"));

        assertEquals("eu", dispatched.provider().name());
        assertEquals(List.of("eu"), calls);
        GatewayException blocked = assertThrows(GatewayException.class,
                () -> send(dispatcher, call(), target -> target.region().orElse("").startsWith("ap-")));
        assertEquals(ErrorCategory.POLICY_VIOLATION, blocked.category());
        assertEquals("DATA_RESIDENCY", blocked.code().orElseThrow());
        assertEquals(List.of("eu"), calls, "nothing was sent upstream for the blocked request");
    }

    @Test
    void withoutRoutingTheComplianceRuleStillDecidesOnTheResolvedProvider() throws GatewayException {
        Dispatcher dispatcher = dispatcher("", "only");

        GatewayException blocked = assertThrows(GatewayException.class,
                () -> send(dispatcher, call(), target -> !target.provider().equals("only")));
        assertEquals(ErrorCategory.POLICY_VIOLATION, blocked.category());
        assertTrue(calls.isEmpty());
        assertEquals("only", send(dispatcher, call(), target -> true).provider().name());
    }

    @Test
    void pausesBetweenRetriesStayUnderTheDoublingCeilingAndCountEveryAttempt() throws GatewayException {
        Dispatcher dispatcher = dispatcher("""
                strategy:
                  mode: in-order
                  targets:
                    - provider: a
                      retry: { attempts: 4, backoff: { initial: 100ms, max: 250ms } }
                    - provider: b
                """, "a", "b");
        for (int i = 0; i < 4; i++) {
            scripts.get("a").add(unavailable());
        }
        RequestCall call = call();

        assertEquals("b", send(dispatcher, call, target -> true).provider().name());

        assertEquals(List.of("a", "a", "a", "a", "b"), calls);
        assertEquals(3, pauses.size(), "a pause before each retry, none before moving on");
        List<Long> ceilings = List.of(100L, 200L, 250L);
        for (int i = 0; i < pauses.size(); i++) {
            assertTrue(pauses.get(i).toMillis() <= ceilings.get(i), "pause " + i + " was " + pauses.get(i));
        }
        assertEquals(5, call.record().attempts);
        assertEquals("b", call.record().provider);
    }
}
