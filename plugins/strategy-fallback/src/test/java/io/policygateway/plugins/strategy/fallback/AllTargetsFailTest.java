package io.policygateway.plugins.strategy.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.kernel.routing.AccessLogs;
import io.policygateway.kernel.routing.UpstreamFleet;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the caller and the access log see when no target can answer. */
class AllTargetsFailTest {
    /** Upstream timeouts; short for the timeout test, long where a slow machine must not turn errors into timeouts. */
    private String timeout = "300ms";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERROR = "{\"error\":{\"message\":\"boom\"}}";

    private UpstreamFleet fleet;
    private TestGateway gateway;

    @BeforeEach
    void startUpstreams() throws Exception {
        fleet = UpstreamFleet.start("a", "b");
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        fleet.close();
    }

    private void start(String strategy) throws Exception {
        gateway = TestGateway.builder()
                .config("upstream: { first_byte_timeout: " + timeout + ", idle_timeout: " + timeout + " }\n" + fleet.providersYaml() + strategy).start();
    }

    @Test
    void answers502ListingEveryAttemptWithTargetStatusAndTime() throws Exception {
        timeout = "10s";
        fleet.always("a", Reply.status(500, ERROR)).always("b", Reply.status(503, ERROR));
        start("strategy: { targets: [{ provider: a, retry: { attempts: 2, backoff: { initial: 1ms, max: 5ms } } }, { provider: b }] }\n");

        HttpResponse<String> response = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", false));

        assertEquals(502, response.statusCode());
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertEquals("upstream_error", error.path("type").asText());
        String message = error.path("message").asText();
        assertTrue(Pattern.matches("No target of route 'default' could answer \\(3 attempts\\): "
                + "a: HTTP 500 \\(\\d+ ms\\); a: HTTP 500 \\(\\d+ ms\\); b: HTTP 503 \\(\\d+ ms\\)", message), message);
        String line = AccessLogs.await(gateway, entry -> entry.contains("\"status\":502"));
        assertTrue(line.contains("\"attempts\":3"), line);
        assertTrue(line.contains("No target of route 'default' could answer (3 attempts): a: HTTP 500"), line);
    }

    @Test
    void answers504WhenEveryTargetTimedOut() throws Exception {
        fleet.always("a", Reply.hang()).always("b", Reply.hang());
        start("strategy: { targets: [{ provider: a }, { provider: b }] }\n");

        HttpResponse<String> response = gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("gpt-4o-mini", "hi", false));

        assertEquals(504, response.statusCode(), response.body());
        assertTrue(response.body().contains("a: timed out"), response.body());
        assertTrue(response.body().contains("b: timed out"), response.body());
    }
}
