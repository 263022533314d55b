package io.policygateway.kernel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.ConfigException;
import io.policygateway.kernel.metrics.PrometheusText;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /health} per provider from real traffic and from the optional active probe. */
class ProviderHealthOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OK = OpenAiWire.completion("test-model", "ok", 3, 1);

    @TempDir
    Path home;

    private static String config(String upstream, String more) {
        return "providers:\n  up: { type: test-openai-format, base_url: " + upstream + " }\n" + more;
    }

    @Test
    void healthShowsAFailingUpstreamThenItsRecoveryWithRollingLatency() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start();
                TestGateway gateway = TestGateway.builder().home(home).config(config(upstream.baseUrl(), "")).start()) {
            upstream.enqueue(Reply.status(500, "{\"error\":{\"message\":\"upstream is down\"}}"));
            upstream.otherwise(request -> Reply.status(200, OK));

            assertEquals(502, gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false)).statusCode());
            JsonNode failing = health(gateway);
            JsonNode provider = failing.at("/providers/up");
            assertEquals("degraded", failing.path("status").asText(), failing.toString());
            assertTrue(provider.path("enabled").asBoolean(), provider.toString());
            assertEquals("failing", provider.path("status").asText(), provider.toString());
            assertTrue(provider.path("last_error").asText().contains("500"), provider.toString());
            assertFalse(provider.has("latency_p50_ms"), "no successful call yet: " + provider);

            for (int i = 0; i < 3; i++) {
                assertEquals(200, gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", "hi", false)).statusCode());
            }
            JsonNode recovered = health(gateway);
            provider = recovered.at("/providers/up");
            assertEquals("ok", recovered.path("status").asText(), recovered.toString());
            assertEquals("up", provider.path("status").asText(), provider.toString());
            assertTrue(Instant.parse(provider.path("last_success").asText()).isAfter(Instant.parse(provider.path("last_failure").asText())));
            assertEquals(3, provider.path("latency_samples").asInt(), "three successful calls, the failure is not a sample: " + provider);
            long p50 = provider.path("latency_p50_ms").asLong(-1);
            assertTrue(p50 >= 0 && provider.path("latency_p95_ms").asLong(-1) >= p50, provider.toString());
            assertFalse(provider.has("probe"), "probing is off by default: " + provider);
        }
    }

    @Test
    void activeProbeNoticesADownUpstreamAndItsRecoveryWithoutClientTraffic() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        try (FakeUpstream upstream = FakeUpstream.start().otherwise(request -> down.get()
                ? Reply.status(503, "{\"error\":{\"message\":\"overloaded\"}}") : Reply.status(200, OK));
                TestGateway gateway = TestGateway.builder().home(home).config(config(upstream.baseUrl(),
                        "health: { probe_interval: 150ms, probe_timeout: 2s, probe_model: test-model }\n")).start()) {
            JsonNode provider = awaitHealth(gateway, up -> up.at("/probe/status").asText().equals("failing"));
            assertEquals("failing", provider.path("status").asText(), provider.toString());
            assertEquals("test-model", provider.at("/probe/model").asText());
            assertTrue(provider.at("/probe/error").asText().contains("503"), provider.toString());

            down.set(false);
            provider = awaitHealth(gateway, up -> up.at("/probe/status").asText().equals("up"));
            assertEquals("up", provider.path("status").asText(), provider.toString());

            JsonNode probe = JSON.readTree(upstream.lastRequest().body());
            assertEquals(1, probe.path("max_tokens").asInt(), "a probe asks for one token: " + probe);
            assertEquals("test-model", probe.path("model").asText());
            PrometheusText metrics = PrometheusText.parse(gateway.get("/metrics").body());
            assertTrue(metrics.sum("policy_gateway_health_probes_total", "provider", "up", "outcome", "failure") >= 1);
            assertTrue(metrics.sum("policy_gateway_health_probes_total", "provider", "up", "outcome", "success") >= 1);
            assertEquals(0, metrics.sum("policy_gateway_requests_total", "provider", "up"), "probes are not client requests");
            assertEquals(0, metrics.sum("policy_gateway_tokens_total", "provider", "up"), "nor client tokens");
        }
    }

    @Test
    void healthSectionIsStrictAboutKeysAndValues() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> TestGateway.builder().home(home)
                .config(config("http://127.0.0.1:9", "health: { probe_intervall: 1s }\n")).start().close());
        assertTrue(unknown.getMessage().contains("health.probe_intervall: unknown key"), unknown.getMessage());
        ConfigException tooShort = assertThrows(ConfigException.class, () -> TestGateway.builder().home(home)
                .config(config("http://127.0.0.1:9", "health: { probe_interval: 10ms }\n")).start().close());
        assertTrue(tooShort.getMessage().contains("health") && tooShort.getMessage().contains("at least 100ms"), tooShort.getMessage());
    }

    private static JsonNode health(TestGateway gateway) throws IOException {
        var response = gateway.get("/health");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** Polls {@code /health} (at most 5 s) until the provider {@code up} satisfies {@code condition}. */
    private static JsonNode awaitHealth(TestGateway gateway, Predicate<JsonNode> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        JsonNode provider;
        do {
            provider = health(gateway).at("/providers/up");
            if (condition.test(provider)) {
                return provider;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("health did not reach the expected state within 5 s: " + provider);
    }
}
