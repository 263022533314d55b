package io.policygateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.event.EventSink;
import io.policygateway.api.event.EventSinkFactory;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.GuardrailFactory;
import io.policygateway.api.guardrail.GuardrailRequest;
import io.policygateway.api.guardrail.Hook;
import io.policygateway.api.guardrail.StreamGuard;
import io.policygateway.api.guardrail.Verdict;
import io.policygateway.api.provider.EventStream;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderFactory;
import io.policygateway.api.provider.ProviderRequest;
import io.policygateway.api.provider.ProviderResponse;
import io.policygateway.api.routing.RoutingRequest;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.RoutingStrategyFactory;
import io.policygateway.api.routing.TargetView;
import io.policygateway.api.tool.ToolLoop;
import io.policygateway.api.tool.ToolLoopFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Implements every extension point the way a third-party plugin would. When the API changes
 * incompatibly (a new abstract method, a changed signature), this test stops compiling.
 */
class EveryExtensionPointIsImplementableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final class EchoProviderFactory implements ProviderFactory {
        @Override
        public String id() {
            return "echo";
        }

        @Override
        public ProviderSetup setup(String name, ProviderConfig config, PluginContext context) {
            return ProviderSetup.enabled(new Provider() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public String type() {
                    return "echo";
                }

                @Override
                public Set<WireFormat> formats() {
                    return Set.of(WireFormat.OPENAI_CHAT);
                }

                @Override
                public List<String> models() {
                    return List.of("echo-1");
                }

                @Override
                public boolean servesModel(String model) {
                    return model.equals("echo-1");
                }

                @Override
                public ProviderResponse send(ProviderRequest request) {
                    if (request.stream()) {
                        return new ProviderResponse.Streaming(WireFormat.OPENAI_CHAT, new EventStream() {
                            @Override
                            public Optional<io.policygateway.api.http.SseEvent> next() {
                                return Optional.empty();
                            }

                            @Override
                            public void close() {
                            }
                        }, Map.of());
                    }
                    return new ProviderResponse.Complete(WireFormat.OPENAI_CHAT, request.body(), Map.of());
                }
            }, "always on");
        }
    }

    static final class FirstStrategyFactory implements RoutingStrategyFactory {
        @Override
        public String id() {
            return "first";
        }

        @Override
        public RoutingStrategy create(PluginConfig config, PluginContext context) {
            return (request, candidates) -> List.of(candidates.get(0));
        }
    }

    static final class ShoutingGuardrailFactory implements GuardrailFactory {
        @Override
        public String id() {
            return "no-shouting";
        }

        @Override
        public Set<Hook> hooks() {
            return Set.of(Hook.BEFORE_REQUEST);
        }

        @Override
        public Guardrail create(PluginConfig config, PluginContext context) {
            return new Guardrail() {
                @Override
                public Verdict beforeRequest(GuardrailRequest request) {
                    String text = io.policygateway.api.guardrail.ChatText.joinedRequestText(request.body());
                    return text.equals(text.toUpperCase()) && !text.isBlank()
                            ? Verdict.block("SHOUTING", "please do not shout")
                            : Verdict.allow();
                }

                @Override
                public StreamGuard openStream(GuardrailRequest request) {
                    return StreamGuard.PASS_THROUGH;
                }
            };
        }
    }

    static final class NoToolsFactory implements ToolLoopFactory {
        @Override
        public String id() {
            return "none";
        }

        @Override
        public String configKey() {
            return "no_tools";
        }

        @Override
        public ToolLoop create(PluginConfig config, PluginContext context) {
            return new ToolLoop() {
                @Override
                public List<ObjectNode> tools(PolicyContext policyContext) {
                    return List.of();
                }

                @Override
                public boolean owns(String toolName) {
                    return false;
                }

                @Override
                public ToolResult call(String toolName, String argumentsJson, PolicyContext policyContext) {
                    return new ToolResult("no such tool", true, "none", 0);
                }

                @Override
                public int maxIterations() {
                    return 1;
                }
            };
        }
    }

    static final class ListSinkFactory implements EventSinkFactory {
        final List<PolicyEvent> received = new ArrayList<>();

        @Override
        public String id() {
            return "list";
        }

        @Override
        public EventSink create(PluginConfig config, PluginContext context) {
            return received::addAll;
        }
    }

    @Test
    void guardrailBlocksShoutedPrompt() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"HELLO\"}]}");
        Guardrail guardrail = new ShoutingGuardrailFactory().create(PluginConfig.empty("plugins[0].config"), null);
        Verdict verdict = guardrail.beforeRequest(new GuardrailRequest(PolicyContext.anonymous("t"), WireFormat.OPENAI_CHAT, "m", body));
        assertEquals("SHOUTING", verdict.reasonCode());
    }

    @Test
    void strategyPicksFirstCandidate() {
        TargetView a = target("a");
        TargetView b = target("b");
        RoutingStrategy strategy = new FirstStrategyFactory().create(PluginConfig.empty("strategy"), null);
        RoutingRequest request = new RoutingRequest("m", "m", WireFormat.OPENAI_CHAT, false, 10, 10, PolicyContext.anonymous("t"));
        assertEquals(List.of(a), strategy.plan(request, List.of(a, b)));
    }

    @Test
    void providerAndToolLoopAndSinkAreUsable() throws Exception {
        ProviderFactory.ProviderSetup setup = new EchoProviderFactory().setup("echo", new ProviderFactory.ProviderConfig(false, PluginConfig.empty("providers.echo")), null);
        assertTrue(setup.isEnabled());
        assertTrue(setup.provider().servesModel("echo-1"));
        assertFalse(new NoToolsFactory().create(PluginConfig.empty("no_tools"), null).owns("x"));
        ListSinkFactory sinks = new ListSinkFactory();
        sinks.create(PluginConfig.empty("events"), null).write(List.of(new PolicyEvent(java.time.Instant.EPOCH, "decision", "p", "allow", "ALLOW",
                Optional.empty(), Optional.empty(), Optional.empty(), "t", List.of(), Map.of())));
        assertEquals(1, sinks.received.size());
    }

    private static TargetView target(String id) {
        return new TargetView(id, id, "m", 1, Optional.empty(), Map.of(), java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), 0, TargetView.BreakerState.CLOSED);
    }
}
