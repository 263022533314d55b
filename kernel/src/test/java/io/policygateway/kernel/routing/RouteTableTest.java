package io.policygateway.kernel.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.routing.TargetView;
import io.policygateway.kernel.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final PluginContext context = RoutingFixtures.context(Map.of("OPENAI_API_KEY", "k"), new ManualClock());
    private final ProviderRegistry registry = RoutingFixtures.registry(context);
    private final RoutingFixtures.RecordingStrategy strategy = new RoutingFixtures.RecordingStrategy();
    private final List<PluginConfig> pluginConfigs = new ArrayList<>();

    private RouteTable table(String yaml) {
        return RouteTable.create(RoutingFixtures.routing(yaml), registry,
                List.of(new RoutingFixtures.RecordingFactory("fallback", strategy, pluginConfigs),
                        new RoutingFixtures.RecordingFactory("conditional", strategy, pluginConfigs)),
                context, PriceCatalogue.load(io.policygateway.kernel.config.ModelsConfig.defaults(), registry.providers(), "x"),
                RoutingFixtures.SOURCE);
    }

    private static List<String> ids(List<Route.Candidate> candidates) {
        return candidates.stream().map(candidate -> candidate.view().id()).toList();
    }

    @Test
    void targetIdsAreProviderNamesNumberedWhenAProviderRepeats() throws GatewayException {
        RouteTable table = table("""
                strategy:
                  targets:
                    - { provider: a }
                    - { provider: a, model: gpt-4o-mini }
                    - { provider: b, id: backup }
                """);
        Route route = table.select("gpt-4o", "gpt-4o").orElseThrow();
        assertEquals(List.of("a", "a#2", "backup"), ids(route.candidates("gpt-4o", WireFormat.OPENAI_CHAT, target -> true)));
    }

    @Test
    void refusesATargetNamingAnUnknownProviderOrAMissingStrategyPlugin() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> table("strategy:\n  targets: [{ provider: a }, { provider: nobody }]\n"));
        assertEquals("conf/gateway.yaml: strategy.targets[1].provider: no provider named 'nobody' (enabled: a, b; disabled: anthropic)",
                unknown.getMessage());
        ConfigException mode = assertThrows(ConfigException.class, () -> table("strategy:\n  mode: fastest\n  targets: [{ provider: a }]\n"));
        assertEquals("conf/gateway.yaml: strategy.mode: no routing strategy plugin 'fastest' is loaded (available: conditional, fallback)",
                mode.getMessage());
    }

    @Test
    void aTargetWhoseProviderIsDisabledIsKeptOutWithItsReason() {
        RouteTable table = table("strategy:\n  targets: [{ provider: anthropic }]\n");
        Route route = table.routes().get(0);
        assertTrue(route.targets().isEmpty());
        assertEquals("provider anthropic is disabled: ANTHROPIC_API_KEY is not set", route.disabled().get(0).reason());
        GatewayException e = assertThrows(GatewayException.class, () -> route.candidates("claude-x", WireFormat.OPENAI_CHAT, target -> true));
        assertEquals(ErrorCategory.UNAVAILABLE, e.category());
        assertEquals(List.of("anthropic"), strategy.validated.stream().map(TargetView::id).toList(),
                "the strategy validates every configured target, enabled or not");
    }

    @Test
    void thePluginGetsOnlyItsOwnKeys() {
        table("strategy:\n  mode: conditional\n  targets: [{ provider: a }]\n  rules: []\n");
        PluginConfig config = pluginConfigs.get(0);
        assertTrue(config.has("rules"));
        assertTrue(!config.has("targets") && !config.has("mode"));
    }

    @Test
    void namedRoutesMatchTheRequestedOrResolvedNameThenTheDefaultRouteTakesTheRest() {
        RouteTable table = table("""
                strategy:
                  targets: [{ provider: a }]
                routes:
                  - name: smart
                    match: { models: ["gpt-4o*", smart] }
                    strategy: { targets: [{ provider: b }] }
                """);
        assertEquals("smart", table.select("gpt-4o-mini", "gpt-4o-mini").orElseThrow().name());
        assertEquals("smart", table.select("gpt-4.1", "smart").orElseThrow().name(), "an alias matches as written");
        assertEquals("default", table.select("gpt-4.1", "gpt-4.1").orElseThrow().name());
        assertTrue(table.select("b/gpt-4.1", "b/gpt-4.1").isEmpty(), "a provider/model name pins its provider");
        assertTrue(RouteTable.none(PriceCatalogue.builtIn()).select("gpt-4o", "gpt-4o").isEmpty());
    }

    @Test
    void candidatesServeTheModelAndPassTheComplianceRule() throws GatewayException {
        RouteTable table = table("""
                strategy:
                  targets:
                    - { provider: a, region: us-east-1 }
                    - { provider: b, region: eu-west-1, weight: 4 }
                    - { provider: a, model: gpt-4o-mini, region: eu-central-1 }
                """);
        Route route = table.routes().get(0);
        List<Route.Candidate> european = route.candidates("gpt-4o", WireFormat.OPENAI_CHAT,
                target -> target.region().filter(region -> region.startsWith("eu-")).isPresent());
        assertEquals(List.of("b", "a#2"), ids(european));
        TargetView view = european.get(0).view();
        assertEquals(4, view.weight());
        assertEquals(2.50, view.inputPricePerMillion().getAsDouble(), "priced by the provider's type");
        assertEquals("gpt-4o-mini", european.get(1).view().model());

        GatewayException blocked = assertThrows(GatewayException.class, () -> route.candidates("gpt-4o", WireFormat.OPENAI_CHAT,
                target -> target.region().filter("ap-south-1"::equals).isPresent()));
        assertEquals(ErrorCategory.POLICY_VIOLATION, blocked.category());
        assertEquals("DATA_RESIDENCY", blocked.code().orElseThrow());

        List<Route.Candidate> claude = route.candidates("claude-x", WireFormat.OPENAI_CHAT, target -> true);
        assertEquals(List.of("a#2"), ids(claude), "only the target with its own model serves a model its provider lacks");
        GatewayException images = assertThrows(GatewayException.class,
                () -> route.candidates("gpt-4o", WireFormat.OPENAI_IMAGES, target -> true));
        assertEquals(ErrorCategory.INVALID_REQUEST, images.category());
    }
}
