package io.policygateway.plugins.strategy.conditional;

import static io.policygateway.kernel.routing.StrategyFixtures.context;
import static io.policygateway.kernel.routing.StrategyFixtures.ids;
import static io.policygateway.kernel.routing.StrategyFixtures.request;
import static io.policygateway.kernel.routing.StrategyFixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.policygateway.api.ConfigException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.routing.RoutingStrategy;
import io.policygateway.api.routing.TargetView;
import io.policygateway.kernel.routing.ExtensionIndex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionalStrategyTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<TargetView> TARGETS = List.of(target("openai"), target("anthropic"), target("gemini"), target("azure"));

    private static RoutingStrategy create(String yaml) throws Exception {
        RoutingStrategy strategy = new ConditionalStrategyFactory()
                .create(new PluginConfig("conf/gateway.yaml", "strategy", (ObjectNode) YAML.readTree(yaml)), null);
        strategy.validate(TARGETS);
        return strategy;
    }

    private static String configError(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> create(yaml));
        return e.getMessage();
    }

    private static List<String> plan(RoutingStrategy strategy, String model, PolicyContext context) {
        return ids(strategy.plan(request(model, model, context, 10, 10), TARGETS));
    }

    @Test
    void routesByModelPrefixAndExactModelName() throws Exception {
        RoutingStrategy strategy = create("""
                rules:
                  - when: { model_prefix: "claude-" }
                    then: { target: anthropic }
                  - when: { model: [gemini-1.5-flash, gemini-1.5-pro] }
                    then: { target: gemini }
                """);
        PolicyContext none = PolicyContext.anonymous("t");
        assertEquals(List.of("anthropic"), plan(strategy, "claude-3-5-sonnet", none));
        assertEquals(List.of("gemini"), plan(strategy, "gemini-1.5-pro", none));
        assertEquals(List.of("openai", "anthropic", "gemini", "azure"), plan(strategy, "gpt-4o", none),
                "no rule matched and no default: every candidate in configured order");
    }

    @Test
    void matchesTheModelAsRequestedBeforeAliasResolutionToo() throws Exception {
        RoutingStrategy strategy = create("rules:\n  - when: { model: cheap }\n    then: { target: gemini }\n");
        assertEquals(List.of("gemini"), ids(strategy.plan(request("gemini-1.5-flash", "cheap", PolicyContext.anonymous("t"), 1, 1), TARGETS)));
    }

    @Test
    void routesByProjectTargetLabelAndHeadersWithEveryConditionRequired() throws Exception {
        RoutingStrategy strategy = create("""
                rules:
                  - when: { project: support-bot, headers: { X-Tier: [gold, platinum] } }
                    then: { targets: [azure, openai] }
                  - when: { target: eu }
                    then: { target: gemini }
                default: openai
                """);
        assertEquals(List.of("azure", "openai"), plan(strategy, "gpt-4o", context("support-bot", null, Map.of("x-tier", "gold"))));
        assertEquals(List.of("openai"), plan(strategy, "gpt-4o", context("support-bot", null, Map.of("x-tier", "bronze"))),
                "one condition failing fails the rule");
        assertEquals(List.of("gemini"), plan(strategy, "gpt-4o", context(null, "eu", Map.of())));
        assertEquals(List.of("gemini"), plan(strategy, "gpt-4o", context(null, null, Map.of("x-policy-target", "eu"))),
                "the X-Policy-Target header counts as the label");
        assertEquals(List.of("openai"), plan(strategy, "gpt-4o", PolicyContext.anonymous("t")));
    }

    @Test
    void passesOverARuleWhoseTargetsCannotServeTheRequest() throws Exception {
        RoutingStrategy strategy = create("""
                rules:
                  - when: { model_prefix: gpt- }
                    then: { target: azure }
                  - when: { model_prefix: gpt-4 }
                    then: { target: openai }
                """);
        List<TargetView> withoutAzure = List.of(target("openai"), target("anthropic"));
        assertEquals(List.of("openai"), ids(strategy.plan(request("gpt-4o"), withoutAzure)),
                "azure was filtered out (e.g. by data residency): the next matching rule decides");
    }

    @Test
    void refusesRulesNamingTargetsTheRouteDoesNotHave() {
        assertEquals("conf/gateway.yaml: strategy.rules[0].then.target: no target 'antropic' in this route (targets: anthropic, azure, gemini, openai)",
                configError("rules:\n  - when: { model_prefix: claude- }\n    then: { target: antropic }\n"));
        assertEquals("conf/gateway.yaml: strategy.default: no target 'nobody' in this route (targets: anthropic, azure, gemini, openai)",
                configError("rules:\n  - when: { model: x }\n    then: { target: openai }\ndefault: nobody\n"));
    }

    @Test
    void refusesMalformedRules() {
        assertTrue(configError("rules:\n  - when: { model_prefx: claude- }\n    then: { target: anthropic }\n")
                .startsWith("conf/gateway.yaml: strategy.rules[0].when.model_prefx: unknown key"));
        assertEquals("conf/gateway.yaml: strategy.rules[0].then: give exactly one of target: <id> or targets: [<id>, …]",
                configError("rules:\n  - when: { model: x }\n    then: {}\n"));
        assertTrue(configError("rules:\n  - then: { target: openai }\n").startsWith("conf/gateway.yaml: strategy.rules[0].when: is required"));
        assertTrue(configError("default: openai\n").startsWith("conf/gateway.yaml: strategy.rules: is required"));
    }

    @Test
    void isListedAsAPluginExtensionUnderTheModeName() {
        assertTrue(ExtensionIndex.listed(getClass().getClassLoader()).contains(ConditionalStrategyFactory.class.getName()));
        assertEquals("conditional", new ConditionalStrategyFactory().id());
    }
}
