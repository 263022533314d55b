package io.policygateway.kernel.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingConfigTest {

    private static String error(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> RoutingFixtures.routing(yaml));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void bindsTheSeedsKeysWithDefaultsAndHandsOtherKeysToThePlugin() {
        RoutingConfig config = RoutingFixtures.routing("""
                strategy:
                  mode: conditional
                  targets:
                    - provider: openai
                      model: gpt-4o-mini
                      weight: 3
                      region: us-east-1
                      retry: { attempts: 3, on_status: [429, 500], backoff: { initial: 50ms, max: 2s } }
                      circuit_breaker: { failure_threshold: 5, window: 30s, cooldown: 10s }
                    - provider: anthropic
                  rules:
                    - when: { model_prefix: "claude-" }
                      then: { target: anthropic }
                """);
        RoutingConfig.Section route = config.defaultRoute().orElseThrow();
        assertEquals("default", route.name());
        StrategyConfig strategy = route.strategy();
        assertEquals("conditional", strategy.mode());
        TargetConfig first = strategy.targets().get(0);
        assertEquals(3, first.weight());
        assertEquals("us-east-1", first.region());
        assertEquals(List.of(429, 500), first.retry().onStatus());
        assertEquals(Duration.ofMillis(50), first.retry().backoff().initial());
        assertEquals(Duration.ofSeconds(10), first.circuitBreaker().cooldown());
        TargetConfig second = strategy.targets().get(1);
        assertEquals(1, second.weight());
        assertEquals(null, second.retry(), "no retry of its own: the strategy's default applies");
        assertEquals(1, strategy.retry().attempts());
        assertEquals(List.of(429, 500, 502, 503, 504), strategy.retry().onStatus());
        assertTrue(route.pluginConfig().has("rules"));
        assertFalse(route.pluginConfig().has("targets"));
        assertEquals("strategy", route.pluginConfig().path());
    }

    @Test
    void namedRoutesKeepTheirOrderAndDefaultNames() {
        RoutingConfig config = RoutingFixtures.routing("""
                routes:
                  - match: { models: ["gpt-4o*", smart] }
                    strategy: { mode: loadbalance, targets: [{ provider: a }, { provider: b }] }
                  - name: claude
                    match: { models: ["claude-*"] }
                    strategy: { targets: [{ provider: anthropic }] }
                """);
        assertTrue(config.defaultRoute().isEmpty());
        assertEquals("route-1", config.routes().get(0).name());
        assertEquals(List.of("gpt-4o*", "smart"), config.routes().get(0).models());
        assertEquals("claude", config.routes().get(1).name());
        assertEquals("fallback", config.routes().get(1).strategy().mode(), "mode defaults to fallback");
        assertEquals("routes[1].strategy", config.routes().get(1).path());
    }

    @Test
    void badValuesNameFileAndPath() {
        assertEquals("conf/gateway.yaml: strategy.targets[0]: weight must be between 0 and 1000000, got -1",
                error("strategy:\n  targets:\n    - { provider: a, weight: -1 }\n"));
        assertEquals("conf/gateway.yaml: strategy.targets[1].retry.backoff.initial: expected a duration such as 250ms, 5s, 2m or 1h, got 'soon'",
                error("strategy:\n  targets:\n    - { provider: a }\n    - { provider: b, retry: { backoff: { initial: soon } } }\n"));
        assertTrue(error("strategy:\n  targets:\n    - { provider: a, wieght: 2 }\n")
                .startsWith("conf/gateway.yaml: strategy.targets[0].wieght: unknown key (known keys: "));
        assertEquals("conf/gateway.yaml: strategy: targets is required: list at least one target (provider: <name>)",
                error("strategy:\n  mode: fallback\n"));
        assertEquals("conf/gateway.yaml: routes[0].strategy.targets[0].retry: attempts must be between 1 and 10, got 0",
                error("routes:\n  - match: { models: [x] }\n    strategy: { targets: [{ provider: a, retry: { attempts: 0 } }] }\n"));
    }

    @Test
    void routeNamesMustBeUniqueAndRoutesNeedModels() {
        assertEquals("conf/gateway.yaml: routes[1].name: 'r' is already used by another route",
                error("routes:\n  - { name: r, match: { models: [x] }, strategy: { targets: [{ provider: a }] } }\n"
                        + "  - { name: r, match: { models: [y] }, strategy: { targets: [{ provider: a }] } }\n"));
        assertEquals("conf/gateway.yaml: routes[0].match: models is required: list the model names (or patterns with *) this route serves",
                error("routes:\n  - { match: {}, strategy: { targets: [{ provider: a }] } }\n"));
        assertEquals("conf/gateway.yaml: routes: expected a list of routes (- match: … strategy: …)", error("routes: { a: 1 }\n"));
    }
}
